namespace Platform.Web.Api;

/// <summary>Monthly scoring's bonus proposal (<c>GET /api/monthly-scoring/bonuses?period=</c>).</summary>
/// <param name="DecidedByName">Who recorded the decision; <paramref name="DecisionBasis"/> the decision document it rests on.</param>
/// <param name="CorrectionNeeded">In the answer to an approval: the month was already published for the unit's peer group.</param>
public sealed record BonusProposal(Guid Id, string Unit, string Period, string Justification, string? Evidence, string State,
    DateTimeOffset ProposedAt, decimal? Points, string? DecisionNote, DateTimeOffset? DecidedAt, string? DecisionBasis = null,
    string? DecidedByName = null, bool? CorrectionNeeded = null)
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static string StateName(string state) => state switch
    {
        Proposed => "Chờ duyệt",
        Approved => "Đã duyệt",
        Rejected => "Không duyệt",
        _ => state,
    };
}

public sealed record ProposeBonus(string Unit, string Period, string Justification, string? Evidence);

public sealed record ApproveBonus(decimal Points, string? Note, string Basis);

public sealed record RejectBonus(string Reason, string Basis);
