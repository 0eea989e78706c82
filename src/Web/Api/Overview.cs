namespace Platform.Web.Api;

/// <summary>Intake's <c>GET /api/intake/overview/{framework}/{period}?unit=</c>: where a unit's reports stand.</summary>
public sealed record ReportingOverview(
    string Framework, string FrameworkName, string Period, string Unit, string UnitName, DateTimeOffset AsOf,
    IReadOnlyList<OverviewInput> Inputs, IReadOnlyList<OverviewReport> Reports, IReadOnlyDictionary<string, int> Counts);

public sealed record OverviewInput(string Key, string Label, IReadOnlyList<string> Owners);

public sealed record OverviewReport(
    string ReportingUnit, string ReportingUnitName, string Role, IReadOnlyList<string> InputKeys, string Level,
    DateTimeOffset DueAt, string Status, bool Overdue, int OverdueDays, string? OverdueText, bool Late,
    Guid? SubmissionId, DateTimeOffset? LastSavedAt, OverviewPerson? LastSavedBy, DateTimeOffset? SubmittedAt, OverviewPerson? SubmittedBy,
    DateTimeOffset? DecidedAt, string? ReturnReason, IReadOnlyList<OverviewPerson> Contacts);

/// <summary>A person as intake knows them; <see cref="Relation"/>: <c>saved-last</c>, <c>submitted</c>, <c>leader</c>, <c>reporter</c>.</summary>
public sealed record OverviewPerson(string? Name, string? Email, string? Username, string Relation)
{
    public string RelationName => Relation switch
    {
        "submitted" => "Người nộp",
        "saved-last" => "Người lưu gần nhất",
        "leader" => "Lãnh đạo đơn vị",
        "reporter" => "Cán bộ báo cáo",
        _ => Relation,
    };
}
