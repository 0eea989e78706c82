namespace Platform.Intake.Assignments;

public static class AssignmentRoles
{
    public const string Lead = "lead";
    public const string Cooperating = "cooperating";

    public static readonly IReadOnlyList<string> All = [Lead, Cooperating];
}

/// <summary>How often the reporting unit updates the inputs (seed 004's "thời gian thực hiện").</summary>
public static class AssignmentFrequencies
{
    public static readonly IReadOnlyList<string> All =
        ["annual", "quarterly", "monthly", "weekly", "continuous", "five-yearly", "on-event"];
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
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Bumped by every change; the concurrency token behind the ETag.</summary>
    public int Version { get; private set; }

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
        Version++;
    }

    /// <summary>Ends the assignment: it no longer applies from <paramref name="validTo"/> (exclusive end).</summary>
    public void Close(DateOnly validTo)
    {
        if (ValidTo is not null) throw new InvalidOperationException($"Assignment {Id} is already closed.");
        if (validTo <= ValidFrom) throw new InvalidOperationException($"Assignment {Id} cannot end on or before {ValidFrom:yyyy-MM-dd}.");
        ValidTo = validTo;
        Version++;
    }
}

public static class AssignmentQueries
{
    /// <summary>Assignments in force on <paramref name="day"/> (a Vietnamese date).</summary>
    public static IQueryable<Assignment> ActiveOn(this IQueryable<Assignment> source, string tenant, DateOnly day) =>
        source.Where(a => a.Tenant == tenant && a.ValidFrom <= day && (a.ValidTo == null || day < a.ValidTo));
}
