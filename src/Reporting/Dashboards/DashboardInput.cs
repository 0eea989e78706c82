using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.Scoring;

namespace Platform.Reporting.Dashboards;

/// <summary>
/// Checks of the query parameters the dashboards, the DTI report and the public results share. Each check adds a
/// Vietnamese message under the parameter's name, so one answer lists every problem of the request.
/// </summary>
public static class DashboardInput
{
    public const string MonthlyFramework = "monthly-4585";

    /// <summary>The national peer groups, known before anything is published.</summary>
    public static readonly IReadOnlyList<string> NationalPeerGroups = ["provinces", "ministries"];

    /// <summary>A month <c>YYYY-MM</c> (null or blank: not given).</summary>
    public static string? Month(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var month = value.Trim();
        if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && month.Length == 7)
            return month;
        errors[field] = [$"{label} ({field}) phải có dạng YYYY-MM, ví dụ 2026-11; nhận được \"{month}\"."];
        return null;
    }

    /// <summary>from ≤ to when both are valid months.</summary>
    public static void Range(string? from, string? to, Dictionary<string, string[]> errors)
    {
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
            errors["from"] = [$"Tháng bắt đầu (from) {ReportTextMonth(from)} không được sau tháng kết thúc (to) {ReportTextMonth(to)}."];
    }

    /// <summary>A framework the catalogue knows (any version); blank: <paramref name="fallback"/>.</summary>
    public static string? Framework(string? value, string? fallback, FrameworkCatalog catalog, Dictionary<string, string[]> errors)
    {
        var framework = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
        if (framework is null || catalog.All.Any(f => f.Id == framework)) return framework;
        errors["framework"] = [$"Không có bộ chỉ số \"{framework}\" (framework)."];
        return null;
    }

    /// <summary>A peer group that is national or has been published for the framework.</summary>
    public static async Task<bool> IsKnownPeerGroupAsync(ReportingDbContext db, string tenant, string? framework, string peerGroup, CancellationToken ct) =>
        NationalPeerGroups.Contains(peerGroup)
        || await db.Set<ReadModels.Publication>().AnyAsync(p => p.Tenant == tenant && (framework == null || p.Framework == framework)
                                                               && p.PeerGroup == peerGroup, ct);

    public static string UnknownPeerGroup(string peerGroup) =>
        $"Không có nhóm đơn vị so sánh \"{peerGroup}\" (peerGroup); dùng provinces (tỉnh, thành phố) hoặc ministries (bộ, ngành).";

    /// <summary><c>2026-11</c> minus <paramref name="months"/> months.</summary>
    public static string MonthsBefore(string month, int months) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string ReportTextMonth(string month) => Shared.ReportText.PeriodName(month).ToLower(Shared.ReportText.Vietnamese);
}
