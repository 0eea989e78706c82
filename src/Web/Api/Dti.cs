namespace Platform.Web.Api;

// The provincial digital-transformation index (DTI, QĐ 405) as dx-index answers it (docs/dx-index.md, "DTI — contract
// between the service and the web application"). The explanation is monthly's UnitWorking; the publication preview is
// read into DtiPublicationPreview and shown by the monthly confirmation component.

/// <summary><c>GET /api/dx-index/dti/years</c>: a year with data or a run.</summary>
/// <param name="Closed">The year closed at <c>to-national</c> (publishing is refused before).</param>
/// <param name="Revision">The current official revision; null before the first publication.</param>
/// <param name="Demo">The year holds illustrative data ("dữ liệu minh họa").</param>
public sealed record DtiYear(string Year, string? FrameworkVersion, bool Closed, int? Revision, DateTimeOffset? PublishedAt, bool Demo)
{
    public int Number => int.Parse(Year, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One of the eight pillars (trụ cột) of the DTI and its points.</summary>
public sealed record DtiPillar(string Code, string Name, decimal Max);

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/ranking?kind=</c>: the official revision, or the provisional index ("tạm tính"),
/// ranked provinces first, then those that have not reported.
/// </summary>
/// <param name="Kind"><c>official</c> or <c>provisional</c>.</param>
public sealed record DtiRanking(string Year, string FrameworkId, string FrameworkVersion, string Kind, int? Revision, DateTimeOffset? PublishedAt,
    string? Reason, DateTimeOffset? ComputedAt, bool Demo, IReadOnlyList<DtiPillar> Pillars, IReadOnlyList<DtiRankingLine> Results, int NotReported)
{
    public bool IsOfficial => Kind == "official";
}

/// <summary>One province's line: <paramref name="Reported"/> false is "chưa báo cáo" (no total, rank or pillars).</summary>
/// <param name="Pillars">Pillar code → points.</param>
/// <param name="Demo">The line is illustrative data ("dữ liệu minh họa").</param>
public sealed record DtiRankingLine(string Unit, string? Name, bool Reported, decimal? Total, int? Rank,
    IReadOnlyDictionary<string, decimal> Pillars, bool Demo)
{
    /// <summary>As the monthly ranking table reads a line (the pillars are its groups; the DTI has no classes).</summary>
    public ScoreboardLine AsScoreboardLine() => new(Unit, Name, Total, null, Rank, 0, Pillars, Reported);
}

/// <summary><c>GET /api/dx-index/dti/{year}/provinces/{unit}?kind=</c>: a province against the others.</summary>
/// <param name="Ranked">How many provinces the run ranked.</param>
/// <param name="Demo">The province's values are illustrative ("dữ liệu minh họa").</param>
public sealed record DtiProfile(string Year, string Unit, string Name, string Kind, int? Revision, bool Demo, bool Reported, decimal? Total, int? Rank, int Ranked,
    IReadOnlyList<DtiPillarStanding> Pillars, IReadOnlyList<DtiHistoryPoint> History, IReadOnlyList<DtiIndicatorStanding> Indicators)
{
    public bool IsOfficial => Kind == "official";
}

/// <summary>A pillar: the province's points, the best and the median among the ranked provinces of the same run.</summary>
public sealed record DtiPillarStanding(string Code, string Name, decimal Max, decimal? Score, decimal? NationalBest, decimal? NationalMedian);

/// <summary>One year of the province (its latest official revision, else the provisional index).</summary>
public sealed record DtiHistoryPoint(string Year, string Kind, int? Revision, bool Reported, decimal? Total, int? Rank, IReadOnlyDictionary<string, decimal> Pillars);

/// <summary>
/// One indicator of the province: its points, the peer best, who leads it (seed 004's assignment) and the action
/// proposed; <paramref name="Weak"/> = scored below half its points or not reported.
/// </summary>
public sealed record DtiIndicatorStanding(string Code, string Name, string Pillar, decimal Max, decimal Score, IReadOnlyList<string> Flags,
    decimal? Best, string? BestUnit, string? LeadAgency, IReadOnlyList<string>? CooperatingAgencies, string? Frequency, string? ProposedAction,
    string? LegalReference, bool Weak);

/// <summary><c>GET /api/dx-index/dti/{year}/publication/preview</c>: monthly's preview without bonuses.</summary>
/// <param name="DemoExcluded">Provinces whose illustrative values are left out of the official result (by name).</param>
public sealed record DtiPublicationPreview(string Year, bool Closed, int Revision, PublishedRevisionInfo? Current, int UnitsInGroup, int UnitsReported,
    int UnitsNotReported, int UnitsIncomplete, IReadOnlyList<MissingUnit> Missing, IReadOnlyList<DtiChange>? Changes, bool Unchanged,
    bool CorrectionNeeded, IReadOnlyList<string> CorrectionReasons, IReadOnlyList<string> DemoExcluded, IReadOnlyList<DtiRecipient> Recipients,
    string Fingerprint)
{
    /// <summary>As the monthly confirmation component reads a preview: the year is the period, the provinces the peer group, no bonuses.</summary>
    public PublicationPreview AsMonthlyShape() => new(Year, "provinces", Closed, Revision, Current, UnitsInGroup, UnitsReported, UnitsNotReported,
        UnitsIncomplete, Missing, [], Changes?.Select(c => c.AsUnitChange()).ToList(), Unchanged, CorrectionNeeded, CorrectionReasons,
        [.. Recipients.Select(r => new Recipient(r.Kind, r.Name, r.Description))], Fingerprint);
}

/// <summary>A correction's change of one province (the DTI has no classes).</summary>
public sealed record DtiChange(string Unit, string Name, DtiStandingInfo? Before, DtiStandingInfo? After)
{
    public UnitChange AsUnitChange() => new(Unit, Name, Before?.AsStanding(), After?.AsStanding());
}

public sealed record DtiStandingInfo(bool Reported, decimal? Total, int? Rank)
{
    public StandingInfo AsStanding() => new(Reported, Total, null, Rank);
}

/// <param name="Kind"><c>public-page</c> or <c>event</c>.</param>
public sealed record DtiRecipient(string Kind, string Name, string Description);

/// <summary><c>POST /api/dx-index/dti/{year}/publications</c>: confirms the preview the publisher saw.</summary>
public sealed record PublishDti(string Fingerprint, bool? AcknowledgeMissing, string? Reason);

/// <summary><c>GET /api/dx-index/public/dti/years</c> (no sign-in): a published year and its current revision.</summary>
public sealed record DtiPublishedYear(string Year, int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary><c>GET /api/dx-index/public/dti/{year}</c> (no sign-in): the current official revision, as monthly's public results.</summary>
public sealed record DtiPublished(string Year, string FrameworkId, string FrameworkVersion, int Revision, DateTimeOffset PublishedAt, string? Reason,
    IReadOnlyList<PublishedRevisionInfo>? Revisions, int NotReported, IReadOnlyList<DtiPillar> Pillars, IReadOnlyList<DtiPublishedProvince> Results);

/// <summary>A published province: no indicators, no illustrative data (official revisions hold none).</summary>
public sealed record DtiPublishedProvince(string Unit, string Name, bool Reported, decimal? Total, int? Rank, IReadOnlyDictionary<string, decimal> Pillars)
{
    public ScoreboardLine AsScoreboardLine() => new(Unit, Name, Total, null, Rank, 0, Pillars, Reported);
}

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/provinces/{unit}/explanation?kind=</c>: monthly's explanation shape, with the revision
/// read (<paramref name="RunId"/> null for the provisional index).
/// </summary>
public sealed record DtiExplanation(Guid? RunId, string Year, string Kind, int? Revision, string Unit, IReadOnlyList<IndicatorWorking> Indicators)
{
    public UnitWorking AsUnitWorking() => new(RunId ?? Guid.Empty, Unit, Indicators);
}

/// <summary>One action of a province's plan (<c>GET …/provinces/{unit}/actions?withOutcome=true</c>).</summary>
/// <param name="Status"><c>planned</c>, <c>in-progress</c> or <c>done</c>.</param>
/// <param name="UpdatedBy">The name of who wrote it last.</param>
public sealed record DtiAction(Guid Id, int Year, string Unit, string Indicator, string Action, string OwnerAgency, DateOnly DueDate, int Progress,
    string Status, string? Note, DateTimeOffset UpdatedAt, string UpdatedBy, int Version, DtiActionOutcome? Outcome)
{
    public static string StatusName(string status) => status switch
    {
        "planned" => "Chưa bắt đầu",
        "in-progress" => "Đang thực hiện",
        "done" => "Đã hoàn thành",
        _ => status,
    };
}

/// <summary>The indicator's points in the plan's year and the next (when both are scored).</summary>
public sealed record DtiActionOutcome(int Year, decimal Score, int NextYear, decimal NextScore, decimal Change, decimal Max);

/// <summary>The body of <c>POST</c>/<c>PUT …/actions</c> (<c>PUT</c> with <c>If-Match</c>).</summary>
public sealed record DtiActionInput(string Indicator, string Action, string OwnerAgency, string DueDate, int? Progress, string Status, string? Note);
