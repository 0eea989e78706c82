namespace Platform.MonthlyScoring.Bonus;

public sealed record BonusView(
    Guid Id, string Unit, string Period, string Justification, string? Evidence, string State, string ProposedBy,
    DateTimeOffset ProposedAt, decimal? Points, string? DecisionNote, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static BonusView Of(BonusProposal b) => new(b.Id, b.Unit, b.Period, b.Justification, b.Evidence, b.State, b.ProposedBy,
        b.ProposedAt, b.Points, b.DecisionNote, b.DecidedBy, b.DecidedAt);
}
