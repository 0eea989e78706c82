namespace Platform.Intake.Assignments;

public sealed record AssignmentView(
    Guid Id, string FrameworkId, string ReportingUnit, string TargetUnit, IReadOnlyList<string> InputKeys,
    string Frequency, string Role, DateOnly ValidFrom, DateOnly? ValidTo, int Version)
{
    public static AssignmentView Of(Assignment a) =>
        new(a.Id, a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.InputKeys, a.Frequency, a.Role, a.ValidFrom, a.ValidTo, a.Version);
}
