namespace Platform.Web.Formatting;

/// <summary>The Vietnamese words for the codes the services use (unit kinds, frequencies, roles, peer groups); frameworks are named by their definitions (<see cref="Api.FrameworkChoices"/>).</summary>
public static class Vocabulary
{
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
