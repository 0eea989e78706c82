using System.Security.Claims;
using Platform.Scoring.Io;
using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Runs;

/// <summary>A run as listed: what was scored, its kind and, for official runs, its revision and status.</summary>
/// <param name="Status"><c>provisional</c>, <c>current</c> (latest official revision) or <c>superseded</c>.</param>
/// <param name="CreatedBy">The <c>sub</c> of who scored it; null for callers below the national root other than that person.</param>
public sealed record RunView(Guid Id, string FrameworkId, string FrameworkVersion, string Period, string PeerGroup, string Kind,
    string Status, int? Revision, Guid? Supersedes, string? Reason, IReadOnlyList<string>? ChangedUnits, string? CreatedBy, DateTimeOffset CreatedAt)
{
    public static RunView Of(ScoreRun r, int? currentRevision) => new(r.Id, r.FrameworkId, r.FrameworkVersion, r.Period, r.PeerGroup, r.Kind,
        r.Kind == ScoreRunKinds.Provisional ? "provisional" : r.Revision == currentRevision ? "current" : "superseded",
        r.Revision, r.Supersedes, r.Reason, r.ChangedUnits, r.CreatedBy, r.CreatedAt);

    /// <summary>Who scored a run is a person of some province: shown at the national root and to that person only.</summary>
    internal RunView ShownTo(RunScope? scope, ClaimsPrincipal user) =>
        scope?.All == true || CreatedBy == user.Subject() ? this : this with { CreatedBy = null };
}

public sealed record IndicatorResultView(decimal Score, decimal Max, IReadOnlyList<string> Flags)
{
    public static IReadOnlyDictionary<string, IndicatorResultView> Of(ResultLine line) =>
        line.Indicators.ToDictionary(i => i.Key, i => new IndicatorResultView(i.Value.Score, i.Value.Max, i.Value.Flags));
}

/// <summary>
/// One unit's result as answered, with its current name. <paramref name="Reported"/> false: the unit has not reported
/// ("chưa báo cáo", <see cref="Standings"/>) — no total, class, rank or group scores, only the indicators (all flagged
/// <c>missing</c>) and any approved bonus.
/// </summary>
public sealed record UnitResultLine(string Unit, string? Name, bool Reported, decimal? Total, decimal? Unrounded, string? Classification,
    int? Rank, decimal Bonus, IReadOnlyDictionary<string, decimal> Groups, IReadOnlyDictionary<string, IndicatorResultView> Indicators)
{
    public static UnitResultLine Of(Standing s, string? name) => s.Reported
        ? new(s.Line.Unit, name, true, s.Line.Total, s.Line.Unrounded, s.Line.Classification, s.Rank, s.Line.Bonus, s.Line.Groups,
            IndicatorResultView.Of(s.Line))
        : new(s.Line.Unit, name, false, null, null, null, null, s.Line.Bonus, new Dictionary<string, decimal>(), IndicatorResultView.Of(s.Line));
}

public sealed record RunResults(RunView Run, IReadOnlyList<UnitResultLine> Results);

public sealed record IndicatorExplanationView(string Code, string Name, string Rule, IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, object?> Inputs, decimal? Best, string? BestUnit, decimal Score, decimal Max, IReadOnlyList<string> Flags);

public sealed record UnitExplanation(Guid RunId, string Unit, IReadOnlyList<IndicatorExplanationView> Indicators);

/// <summary>A unit's published result of one month (the latest official revision); a month it did not report has
/// <paramref name="Reported"/> false and no total, class, rank or groups.</summary>
public sealed record HistoryEntry(string Period, int Revision, Guid RunId, bool Reported, decimal? Total, string? Classification, int? Rank,
    IReadOnlyDictionary<string, decimal> Groups)
{
    public static HistoryEntry Of(ScoreRun run, Standing s) => s.Reported
        ? new(run.Period, run.Revision!.Value, run.Id, true, s.Line.Total, s.Line.Classification, s.Rank, s.Line.Groups)
        : new(run.Period, run.Revision!.Value, run.Id, false, null, null, null, new Dictionary<string, decimal>());
}
