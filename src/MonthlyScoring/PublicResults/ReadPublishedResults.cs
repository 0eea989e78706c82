using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.PublicResults;

/// <summary>The current official revision of a period and peer group: rank, total, class and group scores per unit.</summary>
public static class ReadPublishedResults
{
    public static async Task<Results<Ok<PublishedResults>, ValidationProblem, ProblemHttpResult>> Handle(
        string? period, string? peerGroup, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, _, options, _) = services;
        var errors = RunHttp.Check(frameworks, period, peerGroup, out _);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var tenant = options.Value.Tenant;
        var revisions = await PublishedRuns.Official(db, tenant).Where(r => r.Period == period && r.PeerGroup == peerGroup)
            .OrderByDescending(r => r.Revision)
            .Select(r => new PublishedRevision(r.Revision!.Value, r.CreatedAt, r.Reason))
            .ToListAsync(ct);
        if (revisions.Count == 0)
            return ApiProblems.NotFound($"Kết quả kỳ {Months.Display(period!)} của nhóm {PublishedRuns.GroupName(peerGroup!)} chưa được công bố.");
        var current = revisions[0];
        var run = await PublishedRuns.Official(db, tenant).SingleAsync(r => r.Period == period && r.PeerGroup == peerGroup && r.Revision == current.Revision, ct);
        var standings = Standings.Of(ResultLines.Read(run.ResultJson));
        var names = await db.UnitNamesAsync(tenant, standings.Select(s => s.Line.Unit).ToList(), ct);
        return TypedResults.Ok(new PublishedResults(run.Period, run.PeerGroup, run.FrameworkId, run.FrameworkVersion, current.Revision,
            current.PublishedAt, current.Reason, revisions, standings.Count(s => !s.Reported),
            standings.Select(s => PublishedUnitResult.Of(s, names.GetValueOrDefault(s.Line.Unit))).ToList()));
    }
}
