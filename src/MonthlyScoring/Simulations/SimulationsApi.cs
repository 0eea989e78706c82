using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// What-if simulation (OpenFisca's reform mode): a stored period scored under another framework version or an uploaded
/// draft, side by side with the official result. Nothing is stored and nothing is published.
/// </summary>
public static class SimulationsApi
{
    public static IEndpointRouteBuilder MapSimulationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/simulations").WithTags("Simulations")
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin);
        group.MapPost("", SimulateScoring.Handle).WithName("SimulateScoring")
            .WithSummary("Score a stored period under another version or a draft and compare it with the official result (nothing stored, nothing published)");
        return app;
    }
}
