using Platform.ServiceDefaults.Security;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Pages.Dti;

/// <summary>Words and addresses of the DTI pages (chỉ số chuyển đổi số cấp tỉnh, QĐ 405).</summary>
public static class DtiText
{
    public const string FrameworkId = "dti-province-405";
    public const string Demo = "dữ liệu minh họa";

    /// <summary>The query value for the provisional index (<c>?loai=tam-tinh</c>).</summary>
    public const string ProvisionalQuery = "tam-tinh";

    /// <summary>The service's <c>kind</c> for the page's <c>loai</c>: provisional, or the default (official, else provisional).</summary>
    public static string KindQuery(string? loai) => loai == ProvisionalQuery ? "?kind=provisional" : "";

    /// <summary>The DTI's readers (docs/dx-index.md): reviewer, leader, publisher, platform administrator, reporter.</summary>
    public static bool CanRead(Me me) => me.CanReadScores || me.IsReporter;

    /// <summary>Who writes a province's action plan: its reporters, reviewers and leaders (the service checks the unit).</summary>
    public static bool WriterRole(Me me) => me.IsReporter || me.IsReviewer || me.IsLeader;

    public static string RankingHref(int year, bool provisional = false) => $"/chi-so-cds?nam={year}" + (provisional ? $"&loai={ProvisionalQuery}" : "");

    public static string ProvinceHref(int year, string unit, bool provisional = false) =>
        $"/chi-so-cds/{year}/{Uri.EscapeDataString(unit)}" + (provisional ? $"?loai={ProvisionalQuery}" : "");

    public static string ExplanationHref(int year, string unit, bool provisional = false) =>
        $"/chi-so-cds/{year}/{Uri.EscapeDataString(unit)}/giai-thich" + (provisional ? $"?loai={ProvisionalQuery}" : "");

    /// <summary>The pillars as the monthly components read a framework's top-level groups.</summary>
    public static IReadOnlyList<GroupDefinition> Groups(IEnumerable<DtiPillar> pillars) =>
        [.. pillars.Select(p => new GroupDefinition { Code = p.Code, Name = p.Name, Max = p.Max })];

    /// <summary>A share of a pillar's points in percent, one decimal (the chart's scale: pillars have 50 to 200 points).</summary>
    public static decimal? Percent(decimal? points, decimal max) => points is { } p && max > 0 ? Math.Round(p / max * 100, 1) : null;

    /// <summary>A change of points as people read it: "+10", "−2,5", "không đổi".</summary>
    public static string Change(decimal change) =>
        change > 0 ? "+" + Vn.Number(change) : change < 0 ? "−" + Vn.Number(-change) : "không đổi";

    public static string Points(decimal? value) => value is { } v ? Vn.Number(v) : "—";
}
