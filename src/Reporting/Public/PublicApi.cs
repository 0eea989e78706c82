namespace Platform.Reporting.Public;

public static class PublicApi
{
    /// <summary>
    /// <c>/api/reporting/public</c>, anonymous: only what was published (every revision, with the corrections' reasons),
    /// as JSON and as Excel or CSV.
    /// </summary>
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}/public").WithTags("Public results").AllowAnonymous();
        group.MapGet("/publications", PublicRevisions.List).WithName("PublicPublications");
        group.MapGet("/results/{framework}/{period}/{peerGroup}", PublicResultsQuery.Get).WithName("PublicResults");
        group.MapGet("/results/{framework}/{period}/{peerGroup}/export", PublicExport.Get).WithName("PublicResultsExport");
        return app;
    }
}
