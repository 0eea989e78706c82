using Platform.ServiceDefaults.Time;

namespace Platform.Intake.Calendar;

/// <summary>
/// A reviewer reopened one unit's period after its deadline, until <see cref="Until"/> (exclusive, UTC), for a written
/// reason. Stored and audited by the periods feature (Periods/Reopening.cs); the calendar only reads the ones passed in.
/// </summary>
public sealed record PeriodReopening(
    string UnitId,
    string FrameworkId,
    string Period,
    DateTimeOffset Until,
    string Reason,
    string By)
{
    public bool Covers(string unitId, string frameworkId, string period) =>
        UnitId == unitId
        && string.Equals(FrameworkId, frameworkId, StringComparison.OrdinalIgnoreCase)
        && Period == period;

    /// <summary>The problem <see cref="Validate"/> names when the reason is blank (the others concern <see cref="Until"/>).</summary>
    public const string ReasonMissing = "Phải ghi rõ lý do mở lại kỳ báo cáo.";

    /// <summary>Problems with a reopening about to be recorded at <paramref name="now"/>, in Vietnamese; empty when valid.</summary>
    public IReadOnlyList<string> Validate(DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Reason)) problems.Add(ReasonMissing);
        if (Until <= now)
            problems.Add($"Thời hạn mở lại ({VietnamTime.FormatMoment(Until)}, giờ Việt Nam) phải sau thời điểm hiện tại.");
        return problems;
    }
}
