namespace Platform.Reporting.Nq57;

/// <summary>
/// Participation in one NQ57 self-assessment round, per province (<c>GET /nq57/{round}</c>): from the obligations and
/// submissions; the scores and final decisions are the dx-index service's.
/// </summary>
public sealed record Nq57RoundSummary(string Framework, string FrameworkName, string Round, string Unit, string UnitName, DateTimeOffset? DueAt,
    string? DueAtVietnam, Nq57Totals Totals, IReadOnlyList<Nq57ProvinceRow> Provinces);

/// <param name="Communes">Communes that owe a self-assessment in the round.</param>
/// <param name="SelfAssessed">Of them, handed in (awaiting review or approved).</param>
/// <param name="Returned">Returned by the province and not handed in again.</param>
/// <param name="NotReported">Nothing handed in (or returned) after the deadline.</param>
/// <param name="Late">Handed in after the deadline.</param>
public sealed record Nq57Totals(int Communes, int SelfAssessed, int Approved, int Returned, int NotReported, int Late);

public sealed record Nq57ProvinceRow(string Unit, string UnitName, int Communes, int SelfAssessed, int Approved, int Returned, int NotReported, int Late);
