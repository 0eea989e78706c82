namespace Platform.Intake.Overview;

public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        // Any signed-in person with a unit; the unit asked for must lie in the caller's subtree (checked in the query).
        var group = app.MapGroup("/api/intake/overview").WithTags("Overview").RequireAuthorization();
        group.MapGet("/{framework}/{period}", ReadOverview.Handle).WithName("ReadReportingOverview")
            .WithSummary("Where a unit's reports stand in a period: who owes what, who has submitted, whom to contact");
        return app;
    }
}
