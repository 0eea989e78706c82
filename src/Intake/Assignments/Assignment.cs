namespace Platform.Intake.Assignments;

public static class AssignmentRoles
{
    public const string Lead = "lead";
    public const string Cooperating = "cooperating";
}

/// <summary>
/// Who reports what: <see cref="ReportingUnit"/> owes the inputs <see cref="InputKeys"/> of a framework for
/// <see cref="TargetUnit"/>, as lead or cooperating agency, from <see cref="ValidFrom"/> until (excluding) <see cref="ValidTo"/>.
/// </summary>
public sealed class Assignment
{
    private Assignment() { }

    public Guid Id { get; private init; }
    public string Tenant { get; private init; } = "";
    public string FrameworkId { get; private init; } = "";
    public string ReportingUnit { get; private set; } = "";
    public string TargetUnit { get; private init; } = "";
    public string[] InputKeys { get; private set; } = [];
    public string Frequency { get; private init; } = "";
    public string Role { get; private init; } = AssignmentRoles.Lead;
    public DateOnly ValidFrom { get; private init; }
    public DateOnly? ValidTo { get; private init; }

    public static Assignment Create(string tenant, string frameworkId, string reportingUnit, string targetUnit,
        IEnumerable<string> inputKeys, string frequency, string role, DateOnly validFrom, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Tenant = tenant,
        FrameworkId = frameworkId,
        ReportingUnit = reportingUnit,
        TargetUnit = targetUnit,
        InputKeys = [.. inputKeys],
        Frequency = frequency,
        Role = role,
        ValidFrom = validFrom,
    };

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public void Reassign(string? reportingUnit, IEnumerable<string>? inputKeys)
    {
        if (reportingUnit is not null) ReportingUnit = reportingUnit;
        if (inputKeys is not null) InputKeys = [.. inputKeys.Distinct(StringComparer.Ordinal)];
    }
}

public static class AssignmentQueries
{
    /// <summary>Assignments in force on <paramref name="day"/> (a Vietnamese date).</summary>
    public static IQueryable<Assignment> ActiveOn(this IQueryable<Assignment> source, string tenant, DateOnly day) =>
        source.Where(a => a.Tenant == tenant && a.ValidFrom <= day && (a.ValidTo == null || day < a.ValidTo));
}
