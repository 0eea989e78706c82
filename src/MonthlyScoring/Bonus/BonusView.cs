namespace Platform.MonthlyScoring.Bonus;

/// <summary>A proposal and its decision: who recorded it (<paramref name="DecidedBy"/> a <c>sub</c>, <paramref name="DecidedByName"/>), when, on what basis.</summary>
/// <param name="CorrectionNeeded">Only in the answer to an approval: true when the month was already published for the
/// unit's peer group — the published revision stays as it is and needs a correction ("cần đính chính"). Null in lists.</param>
public sealed record BonusView(
    Guid Id, string Unit, string Period, string Justification, string? Evidence, string State, string ProposedBy,
    DateTimeOffset ProposedAt, decimal? Points, string? DecisionNote, string? DecisionBasis, string? DecidedBy, string? DecidedByName,
    DateTimeOffset? DecidedAt, bool? CorrectionNeeded = null)
{
    public static BonusView Of(BonusProposal b) => new(b.Id, b.Unit, b.Period, b.Justification, b.Evidence, b.State, b.ProposedBy,
        b.ProposedAt, b.Points, b.DecisionNote, b.DecisionBasis, b.DecidedBy, b.DecidedByName, b.DecidedAt);
}
