using Platform.Web.Components.Reporting;

namespace Platform.Web.Formatting;

/// <summary>The Vietnamese words for the codes the services use (unit kinds, frequencies, roles, peer groups, frameworks).</summary>
public static class Vocabulary
{
    /// <summary>Every framework id with the name of its newest version, in catalogue order.</summary>
    public static IReadOnlyList<(string Id, string Name)> Frameworks { get; } =
        ReporterPeriods.Frameworks.Select(f => (f.Id, f.Name)).ToList();

    public static string FrameworkName(string id) =>
        Frameworks.FirstOrDefault(f => f.Id == id) is { Name: { } name } ? name : id;

    /// <summary>A framework as a line of a list names it: its decision and what it measures.</summary>
    public static string FrameworkShortName(string id) => id switch
    {
        "monthly-4585" => "Chấm điểm hằng tháng (QĐ 4585)",
        "dti-province-405" => "Chỉ số chuyển đổi số cấp tỉnh (QĐ 405)",
        "qd2244-annual" => "Tiêu chí hằng năm (QĐ 2244)",
        "nq57-self-2026" => "Tự đánh giá thực hiện Nghị quyết 57",
        _ => FrameworkName(id),
    };

    public static IReadOnlyList<string> UnitKinds { get; } =
        ["national", "ministry", "ministerial-agency", "government-agency", "province", "city", "department", "commune"];

    public static string UnitKind(string kind) => kind switch
    {
        "national" => "Quốc gia",
        "ministry" => "Bộ",
        "ministerial-agency" => "Cơ quan ngang bộ",
        "government-agency" => "Cơ quan thuộc Chính phủ",
        "province" => "Tỉnh",
        "city" => "Thành phố trực thuộc trung ương",
        "department" => "Sở, ban, ngành",
        "commune" => "Xã, phường",
        _ => kind,
    };

    public static IReadOnlyList<string> Frequencies { get; } =
        ["monthly", "quarterly", "annual", "weekly", "continuous", "five-yearly", "on-event"];

    public static string Frequency(string frequency) => frequency switch
    {
        "annual" => "Hằng năm",
        "quarterly" => "Hằng quý",
        "monthly" => "Hằng tháng",
        "weekly" => "Hằng tuần",
        "continuous" => "Thường xuyên",
        "five-yearly" => "5 năm",
        "on-event" => "Khi phát sinh",
        _ => frequency,
    };

    public static IReadOnlyList<string> AssignmentRoles { get; } = ["lead", "cooperating"];

    public static string AssignmentRole(string role) => role switch
    {
        "lead" => "Chủ trì",
        "cooperating" => "Phối hợp",
        _ => role,
    };

    /// <summary>The peer groups monthly scoring ranks.</summary>
    public static IReadOnlyList<string> ScoredPeerGroups { get; } = ["provinces", "ministries"];

    /// <param name="unitNames">Names of units by code, to name the province of a provincial group.</param>
    public static string PeerGroup(string group, IReadOnlyDictionary<string, string>? unitNames = null) => group switch
    {
        "provinces" => "Tỉnh, thành phố",
        "ministries" => "Bộ, ngành",
        _ when group.EndsWith(".departments", StringComparison.Ordinal) => $"Sở, ban, ngành {Of(group[..^".departments".Length], unitNames)}",
        _ when group.EndsWith(".communes", StringComparison.Ordinal) => $"Xã, phường {Of(group[..^".communes".Length], unitNames)}",
        _ => group,
    };

    private static string Of(string unit, IReadOnlyDictionary<string, string>? unitNames) =>
        unitNames is not null && unitNames.TryGetValue(unit, out var name) ? "của " + name : $"({unit})";

    public static string ReportingLevel(string level) => level switch
    {
        "agency-to-province" => "Cơ quan, đơn vị báo cáo tỉnh",
        "to-national" => "Tỉnh, bộ báo cáo trung ương",
        _ => level,
    };
}
