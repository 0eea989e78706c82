namespace Platform.Intake.Overview;

/// <summary>
/// Where a framework's reports for one unit stand in a period (a province's monthly picture): every input with the
/// units assigned it, and one report per assigned unit with its state, deadline, lateness and whom to contact.
/// </summary>
public sealed record ReportingOverview(
    string Framework, string FrameworkName, string Period, string Unit, string UnitName, DateTimeOffset AsOf,
    IReadOnlyList<OverviewInput> Inputs, IReadOnlyList<OverviewReport> Reports, IReadOnlyDictionary<string, int> Counts);

/// <summary>An input of the framework and the units assigned it for the unit (empty: nobody is).</summary>
public sealed record OverviewInput(string Key, string Label, IReadOnlyList<string> Owners);

/// <summary>
/// One unit's report for the target: its inputs, its role (<c>lead</c>, <c>cooperating</c>, or <c>unassigned</c> for a
/// report without an assignment in force), the state (<c>not-started</c>, <c>draft</c>, <c>submitted</c>,
/// <c>returned</c>, <c>approved</c>), deadline and lateness, who saved and submitted it, and whom to contact.
/// </summary>
public sealed record OverviewReport(
    string ReportingUnit, string ReportingUnitName, string Role, IReadOnlyList<string> InputKeys, string Level,
    DateTimeOffset DueAt, string DueAtVietnam, string Status, bool Overdue, int OverdueDays, string? OverdueText, bool Late,
    Guid? SubmissionId, DateTimeOffset? LastSavedAt, OverviewPerson? LastSavedBy, DateTimeOffset? SubmittedAt, OverviewPerson? SubmittedBy,
    DateTimeOffset? DecidedAt, string? ReturnReason, IReadOnlyList<OverviewPerson> Contacts);

/// <summary>
/// A person as their token last described them to intake. <see cref="Relation"/>: <c>saved-last</c>, <c>submitted</c>,
/// <c>leader</c> (a leader of the unit), <c>reporter</c> (a reporter of the unit). Name and e-mail are null for someone
/// intake has not seen since it began recording people.
/// </summary>
public sealed record OverviewPerson(string? Name, string? Email, string? Username, string Relation);
