namespace Platform.Web.Api;

/// <summary>A score run as monthly scoring lists it (<c>GET /api/monthly-scoring/runs?period=&amp;peerGroup=</c>).</summary>
/// <param name="Kind"><c>provisional</c> or <c>official</c>.</param>
/// <param name="Status"><c>provisional</c>, <c>current</c> (the latest official revision) or <c>superseded</c>.</param>
public sealed record ScoreRunInfo(Guid Id, string FrameworkVersion, string Period, string PeerGroup, string Kind, string Status,
    int? Revision, Guid? Supersedes, string? Reason, IReadOnlyList<string>? ChangedUnits, DateTimeOffset CreatedAt)
{
    public const string Official = "official";
    public const string Current = "current";

    public bool IsOfficial => Kind == Official;

    public static string StatusName(string status) => status switch
    {
        "provisional" => "Tạm tính (xem trước)",
        Current => "Hiện hành",
        "superseded" => "Đã được thay thế",
        _ => status,
    };
}

/// <summary>A run's ranking (<c>GET /api/monthly-scoring/runs/{id}/results</c>), the columns the publisher checks.</summary>
public sealed record RunRanking(ScoreRunInfo Run, IReadOnlyList<RankingLine> Results);

public sealed record RankingLine(string Unit, decimal? Total, string? Classification, int? Rank, decimal Bonus, bool Reported = true);

public sealed record MissingInput(string Key, string Label);

public sealed record CreateRun(string Period, string PeerGroup);

/// <summary>
/// <c>POST /api/monthly-scoring/publications</c>: confirms the preview whose <paramref name="Fingerprint"/> the publisher
/// saw; <paramref name="AcknowledgeMissing"/> when data is missing; <paramref name="Reason"/> for a correction.
/// </summary>
public sealed record PublishRun(string Period, string PeerGroup, string? Reason, string Fingerprint, bool? AcknowledgeMissing);

/// <summary><c>GET /api/monthly-scoring/publications/preview?period=&amp;peerGroup=</c>: what publishing would publish now.</summary>
public sealed record PublicationPreview(
    string Period, string PeerGroup, bool Closed, int Revision, PublishedRevisionInfo? Current,
    int UnitsInGroup, int UnitsReported, int UnitsNotReported, int UnitsIncomplete, IReadOnlyList<MissingUnit> Missing,
    IReadOnlyList<IncludedBonus> Bonuses, IReadOnlyList<UnitChange>? Changes, bool Unchanged, bool CorrectionNeeded,
    IReadOnlyList<string> CorrectionReasons, IReadOnlyList<Recipient> Recipients, string Fingerprint)
{
    /// <summary>Units with something missing: those that have not reported and those that reported in part.</summary>
    public int UnitsMissing => UnitsNotReported + UnitsIncomplete;
}

/// <param name="Reported">False: the unit has not reported at all; true: it reported but misses these inputs.</param>
public sealed record MissingUnit(string Unit, string Name, bool Reported, IReadOnlyList<MissingInput> Missing);

public sealed record IncludedBonus(string Unit, string Name, decimal Points, DateTimeOffset? DecidedAt, string? DecidedBy, string? Basis,
    bool InCurrentRevision);

public sealed record StandingInfo(bool Reported, decimal? Total, string? Classification, int? Rank);

public sealed record UnitChange(string Unit, string Name, StandingInfo? Before, StandingInfo? After);

/// <param name="Kind"><c>public-page</c> or <c>event</c>.</param>
public sealed record Recipient(string Kind, string Name, string Detail);
