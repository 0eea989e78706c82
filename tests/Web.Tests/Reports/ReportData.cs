using Platform.Web.Api;

namespace Platform.Web.Tests.Reports;

/// <summary>Reporting's answers as the plan's contract writes them, for Lào Cai's January 2026.</summary>
public static class ReportData
{
    public static readonly DateTimeOffset Due = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);

    public static ComplianceLine Line(string unit, string name, string status, string statusName, int? daysLate = null, DateTimeOffset? submittedAt = null,
        string? review = null, string? reviewName = null) =>
        new(unit, name, "lao-cai", "Tỉnh Lào Cai", "lao-cai", "Tỉnh Lào Cai", "agency-to-province", "lead", "Chủ trì", Due, "17:00 ngày 02/02/2026",
            status, statusName, review, reviewName, submittedAt, submittedAt is null ? null : "09:30 ngày 03/02/2026", daysLate);

    public static ComplianceReport Compliance(params ComplianceLine[] lines) => new(
        "monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "2026-01", "tháng 01/2026", "lao-cai", "Tỉnh Lào Cai",
        [new ComplianceDeadline("agency-to-province", "Cơ quan gửi UBND tỉnh", "lao-cai", "Tỉnh Lào Cai", Due, "17:00 ngày 02/02/2026", false)],
        new ComplianceTotals(1250, 1000, 1, 249, 0, 1, 1000, 0, 0.8m), lines.Length == 0 ? 0 : 1250, 1, 50, lines,
        new DateTimeOffset(2026, 2, 4, 2, 0, 0, TimeSpan.Zero), "09:00 ngày 04/02/2026");

    public static ComplianceByUnit ByUnit() => new("monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "2026-01", "tháng 01/2026", "lao-cai", "Tỉnh Lào Cai",
    [
        new UnitComplianceRow("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", 1, 0, 0, 1, 0, 0, 0, 0),
        new UnitComplianceRow("lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", 1, 0, 1, 0, 0, 0, 1, 0),
    ]);

    public static readonly IReadOnlyList<GroupHeader> Groups =
    [
        new("A", "Thực hiện nhiệm vụ", 20), new("B", "Ứng dụng", 20), new("C", "Hạ tầng", 20), new("D", "Giải ngân", 20), new("E", "Chỉ đạo", 20),
    ];

    public static MeetingRanking Ranking(string? reason = null, params MeetingRankingLine[] lines) => new(
        "monthly-4585", "Chấm điểm hằng tháng (QĐ 4585)", "2026.1", "2026-01", "tháng 01/2026", "provinces", "Tỉnh, thành phố", 2, true,
        new DateTimeOffset(2026, 2, 6, 3, 0, 0, TimeSpan.Zero), "10:00 ngày 06/02/2026", reason, "2025-12", Groups,
        [new("A", "Loại A", 1), new("B", "Loại B", 0), new("C", "Loại C", 0), new("D", "Loại D", 1), new("none", "Chưa báo cáo", 32)],
        1, lines.Length, 1, 100, lines);

    public static MeetingRankingLine RankingLine(int? rank, string unit, string name, decimal? total, string? cls, int? previousRank = null, decimal? change = null, int? rankChange = null) =>
        new(rank, unit, name, total is not null, total, cls, cls is null ? "Chưa báo cáo" : $"Loại {cls}",
            total is null ? new Dictionary<string, decimal>() : new Dictionary<string, decimal> { ["A"] = 17.3m, ["B"] = 0, ["C"] = 0, ["D"] = 5, ["E"] = 5 },
            total is null ? 0 : 2.5m, previousRank, previousRank is null ? null : 25m, previousRank is null ? null : "D", change, rankChange);
}

/// <summary>10:00 on 4 February 2026, Vietnam time: January is the month being reported.</summary>
public sealed class February4 : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 2, 4, 3, 0, 0, TimeSpan.Zero);
}
