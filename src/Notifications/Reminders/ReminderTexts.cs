using System.Text.RegularExpressions;
using Platform.Notifications.Obligations;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Reminders;

/// <summary>The Vietnamese wording of deadline reminders and escalations: names, not codes; dates dd/MM/yyyy, Vietnam time.</summary>
public static partial class ReminderTexts
{
    public const string Footer = "Thư được gửi tự động từ hệ thống theo dõi chuyển đổi số. Đây là nhắc hạn theo quy định nên không thể tắt.";

    /// <summary>"tháng 11/2026", "năm 2026", or "đợt {id}" for a window.</summary>
    public static string PeriodText(string period)
    {
        var month = MonthPeriod().Match(period);
        if (month.Success) return $"tháng {month.Groups[2].Value}/{month.Groups[1].Value}";
        return YearPeriod().IsMatch(period) ? $"năm {period}" : $"đợt {period}";
    }

    /// <summary>"05/12/2026 00:00" (Vietnam time).</summary>
    public static string Moment(DateTimeOffset instant) => $"{VietnamTime.FormatDate(instant)} {VietnamTime.FormatTime(instant)}";

    public static string LastDay(DateTimeOffset dueAt) => ReminderPlan.LastDay(dueAt).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One line per missing report: whom it is about, how many inputs, which, and its state.</summary>
    public static IEnumerable<string> MissingLines(OwingUnit unit) =>
        unit.Reports.Select(r =>
            $"{(r.TargetUnit == unit.Unit ? "Báo cáo của đơn vị" : $"Báo cáo về {r.TargetName}")}: {r.InputCount} chỉ tiêu" +
            (r.InputCount > 0 ? $" ({string.Join(", ", r.InputKeys)})" : "") + $" — {r.StateName}");

    public static MailText Reminder(OwingUnit unit, string frameworkName, string period, DateTimeOffset dueAt, string? recipientName, string url) =>
        new MailText()
            .Paragraph($"Kính gửi {recipientName ?? $"cán bộ phụ trách báo cáo của {unit.UnitName}"},")
            .Paragraph($"{unit.UnitName} chưa hoàn thành báo cáo {frameworkName}, {PeriodText(period)}.\n" +
                       $"Hạn nộp: trước {Moment(dueAt)} (giờ Việt Nam).")
            .Paragraph("Còn thiếu:")
            .List(MissingLines(unit))
            .Link("Nhập và nộp báo cáo", url)
            .Paragraph(Footer);

    public static string ReminderSubject(OwingUnit unit, string period, DateTimeOffset dueAt) =>
        $"Nhắc hạn: báo cáo {PeriodText(period)} của {unit.UnitName} — hạn {LastDay(dueAt)}";

    public static MailText LeaderEscalation(OwingUnit unit, string frameworkName, string period, DateTimeOffset dueAt, string? recipientName, string url) =>
        new MailText()
            .Paragraph($"Kính gửi {recipientName ?? $"lãnh đạo {unit.UnitName}"},")
            .Paragraph($"Đã quá hạn nộp báo cáo {frameworkName}, {PeriodText(period)} (hạn: trước {Moment(dueAt)}, giờ Việt Nam) " +
                       $"nhưng {unit.UnitName} chưa hoàn thành.")
            .Paragraph("Còn thiếu:")
            .List(MissingLines(unit))
            .Paragraph("Đề nghị đồng chí chỉ đạo hoàn thành và nộp báo cáo ngay.")
            .Link("Xem và nộp báo cáo", url)
            .Paragraph(Footer);

    public static string LeaderEscalationSubject(OwingUnit unit, string period, DateTimeOffset dueAt) =>
        $"Quá hạn: báo cáo {PeriodText(period)} của {unit.UnitName} — hạn {LastDay(dueAt)}";

    public static MailText ReviewerEscalation(string overseeingName, IReadOnlyList<OwingUnit> units, string frameworkName, string period,
        DateTimeOffset dueAt, string? recipientName, string url)
    {
        var text = new MailText()
            .Paragraph($"Kính gửi {recipientName ?? $"cán bộ thẩm định của {overseeingName}"},")
            .Paragraph($"Đã quá hạn nộp báo cáo {frameworkName}, {PeriodText(period)} (hạn: trước {Moment(dueAt)}, giờ Việt Nam). " +
                       $"{units.Count} đơn vị chưa hoàn thành:");
        foreach (var unit in units)
            text.Paragraph(unit.UnitName + ":").List(MissingLines(unit));
        return text.Link("Xem tình hình báo cáo", url).Paragraph(Footer);
    }

    public static string ReviewerEscalationSubject(string overseeingName, int units, string period, DateTimeOffset dueAt) =>
        $"Quá hạn: {units} đơn vị chưa nộp báo cáo {PeriodText(period)} cho {overseeingName} — hạn {LastDay(dueAt)}";

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPeriod();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPeriod();
}
