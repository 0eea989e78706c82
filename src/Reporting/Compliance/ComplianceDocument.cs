using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Documents;
using Platform.Reporting.Shared;

namespace Platform.Reporting.Compliance;

/// <summary>The compliance list as an official document (<see cref="ReportDocument"/>): title by status, one table streamed from the database.</summary>
public static class ComplianceDocument
{
    public static string Title(string status) => status switch
    {
        ComplianceStatuses.Overdue => "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO, BÁO CÁO MUỘN",
        ComplianceStatuses.NotReported => "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO",
        ComplianceStatuses.Late => "DANH SÁCH ĐƠN VỊ BÁO CÁO MUỘN",
        ComplianceStatuses.OnTime => "DANH SÁCH ĐƠN VỊ NỘP BÁO CÁO ĐÚNG HẠN",
        ComplianceStatuses.NotYetDue => "DANH SÁCH BÁO CÁO CHƯA ĐẾN HẠN",
        _ => "TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ",
    };

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("STT", CellKind.Count, 6),
        new("Đơn vị báo cáo", CellKind.Text, 36),
        new("Báo cáo về đơn vị", CellKind.Text, 30),
        new("Nơi nhận báo cáo", CellKind.Text, 26),
        new("Cấp báo cáo", CellKind.Text, 22),
        new("Vai trò", CellKind.Text, 10),
        new("Hạn nộp", CellKind.DateTime, 17),
        new("Tình trạng", CellKind.Text, 16),
        new("Thẩm định", CellKind.Text, 15),
        new("Ngày nộp", CellKind.DateTime, 17),
        new("Số ngày muộn", CellKind.Count, 10),
    ];

    /// <summary>The table's rows, read from <paramref name="rows"/> as they are written.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IQueryable<ComplianceRow> rows, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var number = 0;
        await foreach (var r in rows.InReadingOrder().AsAsyncEnumerable().WithCancellation(ct))
        {
            number++;
            yield return Row(number, r, now);
        }
    }

    public static IReadOnlyList<object?> Row(int number, ComplianceRow r, DateTimeOffset now) =>
    [
        number, r.ReportingUnitName, r.TargetUnitName, r.OverseeingUnitName, ReportText.LevelName(r.Level), ComplianceStatuses.RoleName(r.Role),
        r.DueAt, ComplianceStatuses.Name(r.Status), ComplianceStatuses.ReviewStateName(r.ReviewState), r.SubmittedAt,
        ComplianceFigures.DaysLate(r, now),
    ];

    /// <summary>"Hạn nộp – Cơ quan, đơn vị báo cáo tỉnh: 05/12/2026 17:00" per level (several deadlines of one level joined).</summary>
    public static IEnumerable<string> DeadlineLines(IReadOnlyList<ComplianceDeadline> deadlines) =>
        deadlines.GroupBy(d => d.Level).Select(g =>
            $"Hạn nộp – {g.First().LevelName}: {string.Join("; ", g.Select(d => d.DueAt).Distinct().Order().Select(ReportText.Moment))}"
            + (g.All(d => d.Closed) ? " (đã hết hạn)" : ""));

    public static string TotalsLine(ComplianceTotals t) =>
        $"Tổng số báo cáo phải nộp: {ReportText.Number(t.Owed, 0)}; nộp đúng hạn: {ReportText.Number(t.OnTime, 0)}; "
        + $"nộp muộn: {ReportText.Number(t.Late, 0)}; chưa báo cáo: {ReportText.Number(t.NotReported, 0)}; "
        + $"chưa đến hạn: {ReportText.Number(t.NotYetDue, 0)}"
        + (t.OnTimeRate is { } rate ? $"; tỷ lệ đúng hạn: {ReportText.Number(rate * 100, 1)} %." : ".");
}
