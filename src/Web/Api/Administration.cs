namespace Platform.Web.Api;

/// <summary>Intake's unit with its history and mergers (<c>GET /api/intake/units/{code}</c>), as the administration shows it.</summary>
public sealed record UnitDossier(string Code, UnitRevision Current, IReadOnlyList<UnitRevision> History, IReadOnlyList<string> FormedFrom,
    IReadOnlyList<string> Predecessors, IReadOnlyList<string> Successors);

/// <summary>Answer of <c>POST /api/intake/units/import</c>.</summary>
public sealed record UnitImportSummary(int Created, int Changed, int Unchanged);

/// <summary>An assignment (<c>GET /api/intake/assignments</c>): who reports which inputs of a framework for which unit.</summary>
public sealed record AssignmentRow(Guid Id, string FrameworkId, string ReportingUnit, string TargetUnit, IReadOnlyList<string> InputKeys,
    string Frequency, string Role, DateOnly ValidFrom, DateOnly? ValidTo, int Version);

public sealed record CreateAssignmentBody(string? Framework, string? ReportingUnit, string? TargetUnit, IReadOnlyList<string> InputKeys,
    string? Frequency, string? Role, DateOnly? ValidFrom);

public sealed record EditAssignmentBody(IReadOnlyList<string>? InputKeys, string? ReportingUnit);

public sealed record CloseAssignmentBody(DateOnly? ValidTo, string Reason);
