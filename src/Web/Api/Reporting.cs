using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>Intake's <c>GET /api/intake/assignments/mine</c>: what the caller's unit owes for one framework and period.</summary>
public sealed record OwedInputs(string Framework, string Period, string ReportingUnit, IReadOnlyList<OwedInput> Inputs);

/// <summary>One input owed: for which target unit, by when, the state of the matching submission, last period's approved value.</summary>
public sealed record OwedInput(
    string Key, string Label, string TargetUnit, string Role, DateTimeOffset DueAt, string Status,
    string? ReturnReason, Guid? SubmissionId, JsonElement? PreviousValue, string? TargetName = null);

/// <summary>Intake's <c>GET /api/intake/assignments/mine/open</c>: every report the caller's unit has not finished, overdue first.</summary>
public sealed record OpenObligations(string ReportingUnit, DateTimeOffset AsOf, IReadOnlyList<OpenObligation> Items);

/// <summary>One unfinished report: framework, period, target, deadline, state; how late when overdue.</summary>
public sealed record OpenObligation(
    string Framework, string FrameworkName, string Period, string TargetUnit, string TargetName, string Role,
    IReadOnlyList<string> InputKeys, string Level, DateTimeOffset DueAt, string Status, bool Overdue, int OverdueDays,
    string? OverdueText, string? ReturnReason, Guid? SubmissionId, bool Late, DateTimeOffset? SubmittedAt);

/// <summary>Intake's submission (<c>GET /api/intake/submissions/{id}</c>, the answer of a save or submit), the parts the reporter sees.</summary>
public sealed record ReportedSubmission(
    Guid Id, string FrameworkId, string Period, string ReportingUnit, string TargetUnit,
    IReadOnlyDictionary<string, JsonElement> Values, string? Comments, string State, string? ReturnReason, bool Late,
    int Version, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt);

/// <summary>A successful Excel/CSV import (<c>POST /api/intake/imports/{framework}/{period}</c>).</summary>
public sealed record ImportOutcome(int Created, int Updated, int Unchanged, int Rows);

/// <summary>One wrong cell of a refused import (problem extension <c>cells</c>): Excel row and column letter, unit, input.</summary>
public sealed record ImportCell(int Row, string Column, string? UnitCode, string? InputKey, string Message);

/// <summary>Submission states as intake names them, plus "nothing saved yet" from <c>mine</c>.</summary>
public static class ReportStates
{
    public const string NotStarted = "not-started";
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Returned = "returned";

    public static bool IsEditable(string state) => state is NotStarted or Draft or Returned;

    public static string Name(string state) => state switch
    {
        NotStarted => "Chưa nhập",
        Draft => "Bản nháp",
        Submitted => "Đã nộp",
        Approved => "Đã duyệt",
        Returned => "Bị trả lại",
        _ => state,
    };

    /// <summary>The <c>.status-*</c> class of app.css.</summary>
    public static string CssClass(string state) => state switch
    {
        NotStarted => "status-missing",
        Draft => "status-draft",
        Submitted => "status-submitted",
        Approved => "status-approved",
        Returned => "status-returned",
        _ => "status-draft",
    };
}
