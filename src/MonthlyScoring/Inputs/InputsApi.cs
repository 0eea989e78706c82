using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Inputs;

public static class InputsApi
{
    public static IEndpointRouteBuilder MapInputsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/api/{MonthlyScoringModule.ServiceName}/periods/{{period}}/missing", ReadMissingInputs.Handle)
            .WithTags("MonthlyScoring").WithName("ReadMissingInputs")
            .WithSummary("Inputs still missing per unit of a peer group")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin));
        return app;
    }
}
