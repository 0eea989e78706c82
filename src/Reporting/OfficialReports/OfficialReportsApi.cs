namespace Platform.Reporting.OfficialReports;

public static class OfficialReportsApi
{
    /// <summary>
    /// <c>/api/reporting/rankings</c> and <c>/scorecards</c>: the published monthly rankings for the Government meeting
    /// (national peer groups: every signed-in person; other peer groups: the caller's part of the tree) and a unit's
    /// scorecard (within the caller's subtree), each also as an Excel, PDF or CSV file.
    /// </summary>
    public static IEndpointRouteBuilder MapOfficialReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}").WithTags("Official reports").RequireAuthorization();
        group.MapGet("/rankings", RankingListQuery.Get).WithName("PublishedRankings");
        group.MapGet("/rankings/{framework}/{period}/{peerGroup}", MeetingRankingQuery.Get).WithName("MeetingRanking");
        group.MapGet("/rankings/{framework}/{period}/{peerGroup}/export", MeetingDocument.Get).WithName("MeetingRankingExport");
        group.MapGet("/scorecards/{framework}/{period}/{unit}", ScorecardQuery.Get).WithName("Scorecard");
        group.MapGet("/scorecards/{framework}/{period}/{unit}/export", ScorecardDocument.Get).WithName("ScorecardExport");
        return app;
    }
}
