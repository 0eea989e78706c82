using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Bonus;

/// <summary>
/// Bonus points (seed 001): a unit proposes for itself — its reporter, leader, or its own steering committee
/// (<c>bonus-approver</c> of that unit) — and the decision (approve 1–5 points or reject) is recorded at national level
/// only (<see cref="DecideBonus"/>); every step is audited.
/// </summary>
public static class BonusApi
{
    public const string AuditEntity = "bonus";

    public static IEndpointRouteBuilder MapBonusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/bonuses").WithTags("MonthlyScoring");
        group.MapPost("", ProposeBonus.Handle).WithName("ProposeBonus").WithSummary("Propose bonus points for the caller's own unit")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader, PlatformRoles.BonusApprover));
        group.MapPost("{id:guid}/approve", ApproveBonus.Handle).WithName("ApproveBonus")
            .WithSummary("Record the decision approving a proposal with 1–5 points (national level)")
            .RequireAuthorization(PlatformPolicies.BonusApprover);
        group.MapPost("{id:guid}/reject", RejectBonus.Handle).WithName("RejectBonus")
            .WithSummary("Record the decision rejecting a proposal, with a reason (national level)")
            .RequireAuthorization(PlatformPolicies.BonusApprover);
        group.MapGet("", ListBonuses.Handle).WithName("ListBonuses").WithSummary("Proposals and decisions of a month in the caller's scope")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader, PlatformRoles.Reviewer,
                PlatformRoles.Publisher, PlatformRoles.BonusApprover, PlatformRoles.PlatformAdmin));
        return app;
    }
}
