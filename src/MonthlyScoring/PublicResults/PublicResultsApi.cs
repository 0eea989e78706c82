namespace Platform.MonthlyScoring.PublicResults;

/// <summary>
/// Published results for everyone, without sign-in: the current official revision of a period and peer group, and the
/// list of what has been published. Only official runs are read here; provisional runs never leave through these routes.
/// </summary>
public static class PublicResultsApi
{
    public static IEndpointRouteBuilder MapPublicResultsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/public").WithTags("Published results").AllowAnonymous();
        group.MapGet("/periods", ListPublishedPeriods.Handle).WithName("ListPublishedPeriods")
            .WithSummary("Every published month and peer group with its current revision, newest first");
        group.MapGet("/results", ReadPublishedResults.Handle).WithName("ReadPublishedResults")
            .WithSummary("The current official revision of a month and peer group");
        return app;
    }
}
