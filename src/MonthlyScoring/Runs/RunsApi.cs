using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Runs;

/// <summary>Score runs: provisional scoring, results, explanations, a unit's history and the scoring-io export.</summary>
public static class RunsApi
{
    /// <summary>Who may score and read runs: reviewers, leaders, publishers and platform administrators.</summary>
    public static readonly string[] Readers = [PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin];

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}").WithTags("Score runs")
            .RequireAuthorization(p => p.RequireRole(Readers));
        group.MapPost("/runs", CreateRun.Handle).WithName("CreateRun")
            .WithSummary("Score a peer group for a month from the approved values now (a provisional run)");
        group.MapGet("/runs", ListRuns.Handle).WithName("ListRuns")
            .WithSummary("Runs, provisional and official, of a month and peer group");
        group.MapGet("/runs/{id:guid}/results", ReadRunResults.Handle).WithName("ReadRunResults")
            .WithSummary("A run's result per unit, with names, ranked among the units that reported");
        group.MapGet("/runs/{id:guid}/units/{unit}/explanation", ExplainUnit.Handle).WithName("ExplainUnit")
            .WithSummary("How each indicator of one unit was scored in a run");
        group.MapGet("/runs/{id:guid}/export", ExportRun.Handle).WithName("ExportRun")
            .WithSummary("The run's scoring-io input and result, as stored, in one file");
        group.MapGet("/units/{unit}/history", ReadUnitHistory.Handle).WithName("ReadUnitHistory")
            .WithSummary("A unit's published results, month by month");
        return app;
    }
}
