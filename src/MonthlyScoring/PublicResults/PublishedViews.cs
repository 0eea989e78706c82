using Platform.MonthlyScoring.Runs;

namespace Platform.MonthlyScoring.PublicResults;

/// <param name="Reason">Why the current revision corrected the one before (null for revision 1).</param>
public sealed record PublishedPeriod(string Period, string PeerGroup, int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>One published revision: when, and for a correction (revision &gt; 1) why.</summary>
public sealed record PublishedRevision(int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>
/// One unit's published result. <paramref name="Reported"/> false: the unit has not reported for the month ("chưa báo
/// cáo") — <paramref name="Total"/>, <paramref name="Classification"/> and <paramref name="Rank"/> are null and
/// <paramref name="Groups"/> empty; such units follow every ranked unit.
/// </summary>
public sealed record PublishedUnitResult(string Unit, string? Name, bool Reported, decimal? Total, string? Classification, int? Rank, decimal Bonus,
    IReadOnlyDictionary<string, decimal> Groups)
{
    public static PublishedUnitResult Of(Standing s, string? name) => s.Reported
        ? new(s.Line.Unit, name, true, s.Line.Total, s.Line.Classification, s.Rank, s.Line.Bonus, s.Line.Groups)
        : new(s.Line.Unit, name, false, null, null, null, s.Line.Bonus, new Dictionary<string, decimal>());
}

/// <summary>
/// One published revision as everyone may read it: the current revision's number, time and correction reason, every
/// revision of the period (newest first, each with its reason), how many units have not reported, and the results.
/// </summary>
public sealed record PublishedResults(string Period, string PeerGroup, string FrameworkId, string FrameworkVersion, int Revision,
    DateTimeOffset PublishedAt, string? Reason, IReadOnlyList<PublishedRevision> Revisions, int NotReported,
    IReadOnlyList<PublishedUnitResult> Results);
