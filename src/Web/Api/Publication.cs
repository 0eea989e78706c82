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

public sealed record RankingLine(string Unit, decimal Total, string? Classification, int Rank, decimal Bonus);

/// <summary>Units of a peer group still missing inputs (<c>GET /api/monthly-scoring/periods/{period}/missing</c>).</summary>
public sealed record MissingReport(string Period, string PeerGroup, int UnitsInGroup, IReadOnlyList<MissingUnit> Units);

public sealed record MissingUnit(string Unit, string Name, IReadOnlyList<MissingInput> Missing);

public sealed record MissingInput(string Key, string Label);

public sealed record CreateRun(string Period, string PeerGroup);

public sealed record PublishRun(string Period, string PeerGroup, string? Reason);
