namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>One action as the API answers it; <see cref="UpdatedBy"/> is a name people read.</summary>
/// <param name="Outcome">With <c>?withOutcome=true</c>: the indicator's score in the plan's year and the next, when both exist.</param>
public sealed record ActionView(Guid Id, int Year, string Unit, string Indicator, string Action, string OwnerAgency, DateOnly DueDate, int Progress,
    string Status, string? Note, DateTimeOffset UpdatedAt, string UpdatedBy, int Version, ActionOutcome? Outcome = null)
{
    public static ActionView Of(DtiAction a, ActionOutcome? outcome = null) => new(a.Id, a.Year, a.Unit, a.Indicator, a.Action, a.OwnerAgency,
        a.DueDate, a.Progress, a.Status, a.Note, a.UpdatedAt, a.UpdatedByName, a.Version, outcome);
}

/// <summary>"Next year, what moved": the indicator's points in <see cref="Year"/> and <see cref="NextYear"/>, and the change.</summary>
public sealed record ActionOutcome(int Year, decimal Score, int NextYear, decimal NextScore, decimal Change, decimal Max);
