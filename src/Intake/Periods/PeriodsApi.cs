using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Periods;

public static class PeriodsApi
{
    public static IEndpointRouteBuilder MapPeriodsApi(this IEndpointRouteBuilder app)
    {
        // Reading needs a signed-in caller (scope is checked in the queries); reopening needs a reviewer.
        var group = app.MapGroup("/api/intake/periods").WithTags("Periods").RequireAuthorization();

        group.MapGet("/{framework}/{period}", ReadPeriod.Handle).WithName("GetPeriod");
        group.MapGet("/{framework}/{period}/reopenings", ReadReopenings.Handle).WithName("ListReopenings");
        group.MapPost("/{framework}/{period}/reopenings", ReopenPeriod.Handle)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("ReopenPeriod");
        return app;
    }
}
