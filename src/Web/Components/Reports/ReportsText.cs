using Platform.ServiceDefaults.Security;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Reports;

/// <summary>The words, addresses and access rules of the report pages (<c>/bao-cao</c>), read from the reporting service.</summary>
public static class ReportsText
{
    public const string MonthlyFramework = "monthly-4585";

    /// <summary>Reporting's compliance and heads-of-agency readers: reviewer, leader, publisher, platform administrator.</summary>
    public static bool CanReadCompliance(Me me) =>
        me.IsReviewer || me.IsLeader || me.IsPublisher || me.Has(PlatformRoles.PlatformAdmin);

    public static bool IsPlatformAdmin(Me me) => me.Has(PlatformRoles.PlatformAdmin);

    /// <summary>The compliance statuses a person filters by, "who is late" first.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Statuses =
    [
        ("overdue", "Chưa báo cáo hoặc nộp muộn"),
        ("not-reported", "Chưa báo cáo"),
        ("late", "Nộp muộn"),
        ("on-time", "Nộp đúng hạn"),
        ("not-yet-due", "Chưa đến hạn"),
        ("all", "Tất cả"),
    ];

    public static bool IsStatus(string? code) => Statuses.Any(s => s.Code == code);

    /// <summary>The <c>.status-*</c> class of app.css for a compliance status.</summary>
    public static string StatusClass(string status) => status switch
    {
        "on-time" => "status-approved",
        "late" => "status-missing",
        "not-reported" => "status-returned",
        _ => "status-draft",
    };

    /// <summary>A rate 0–1 as "87,5%", or "—".</summary>
    public static string Percent(decimal? rate) => rate is { } r ? Vn.Number(r * 100, 1) + "%" : "—";

    /// <summary>"+2", "−1", "0" (a change, positive = better), "—" without a previous value.</summary>
    public static string Change(decimal? change, int decimals = 2) => change switch
    {
        null => "—",
        > 0 => "+" + Vn.Number(change, decimals),
        < 0 => "−" + Vn.Number(-change, decimals),
        _ => "0",
    };

    /// <summary>"lên 2 bậc", "xuống 1 bậc", "giữ nguyên", "—".</summary>
    public static string RankChange(int? change) => change switch
    {
        null => "—",
        > 0 => $"lên {change} bậc",
        < 0 => $"xuống {-change} bậc",
        _ => "giữ nguyên",
    };

    /// <summary>An address under <c>/api/reporting</c> with its query (empty values left out).</summary>
    public static string Api(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!.Trim())}").ToList();
        return "/api/reporting/" + path + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    /// <summary>A page address with its query (empty values left out).</summary>
    public static string Page(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!.Trim())}").ToList();
        return path + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);
}
