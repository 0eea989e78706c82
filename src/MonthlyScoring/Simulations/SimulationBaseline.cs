using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// What a simulation is compared with: the current official revision of the period and peer group — its stored input
/// and its stored result, exactly as published — or, before the first publication, the result scored now from the
/// approved values under the version in force ("chưa công bố"), as a provisional run would score it.
/// </summary>
internal sealed record SimulationBaseline(string Kind, int? Revision, CompiledFramework Framework, ScoringRequest Request, string ResultJson)
{
    public const string Official = "official";
    public const string Unpublished = "unpublished";

    public string Label => Kind == Official
        ? $"Kết quả chính thức (công bố lần {Revision})"
        : "Chưa công bố – tính từ số liệu đã duyệt hiện có";

    /// <exception cref="ScoringInputException">The stored values do not pass the engine's checks.</exception>
    public static async Task<SimulationBaseline> LoadAsync(MonthlyScoringDbContext db, string tenant, FrameworkCatalog frameworks,
        CompiledFramework inForce, string period, string peerGroup, CancellationToken ct)
    {
        var current = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == inForce.Id && r.Period == period && r.PeerGroup == peerGroup
                && r.Kind == ScoreRunKinds.Official)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            // The published input read back under the version it names; "before" is the stored result, not a re-scoring.
            var published = RunScoring.Score(frameworks, current.InputJson);
            return new SimulationBaseline(Official, current.Revision, published.Framework, published.Request, current.ResultJson);
        }
        var computed = await RunScoring.ComputeAsync(db, tenant, inForce, period, peerGroup, ct);
        return new SimulationBaseline(Unpublished, null, computed.Framework, computed.Request, computed.ResultJson);
    }
}
