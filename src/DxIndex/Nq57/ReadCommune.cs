using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Nq57;

/// <summary>One decision revision as people read it.</summary>
public sealed record Nq57DecisionView(int Revision, decimal Total, decimal GroupA, decimal GroupB, string? Reason,
    IReadOnlyDictionary<string, string> Changes, string DecidedBy, string DecidedByName, string DecidedByUnit, DateTimeOffset DecidedAt,
    int AssessmentRevision);

/// <summary>One commune's round: state, per criterion self / reviewer / comment / suggested / final, totals, decisions.</summary>
public sealed record Nq57CommuneView(
    string Round, string FrameworkId, string FrameworkVersion, string Unit, string Name, string? State, string StateName, bool Late,
    int Revision, DateTimeOffset? SubmittedAt, string? ReturnReason, DateTimeOffset? ApprovedAt, string? ApprovedBy, bool Demo,
    decimal MaxPoints, decimal? SelfTotal, decimal? ReviewerTotal, decimal? FinalTotal,
    IReadOnlyDictionary<string, decimal>? SelfGroups, IReadOnlyDictionary<string, decimal>? ReviewerGroups,
    bool Decidable, bool DecisionOutdated, IReadOnlyList<Nq57Criterion> Criteria, IReadOnlyList<Nq57DecisionView> Decisions);

/// <summary><c>GET /api/dx-index/nq57/rounds/{round}/communes/{unit}</c>: for whoever's subtree holds the commune.</summary>
public static class ReadCommune
{
    public static async Task<Results<Ok<Nq57CommuneView>, ProblemHttpResult>> Handle(string round, string unit,
        [AsParameters] Nq57Services services, CancellationToken ct)
    {
        if (services.User.OrgUnit() is not { } caller) return ApiProblems.NoUnit();
        if (!await services.InSubtreeAsync(caller, unit, ct)) return NotFound(unit);
        var view = await LoadAsync(services, round, unit, ct);
        return view is null ? NotFound(unit) : TypedResults.Ok(view);
    }

    public static ProblemHttpResult NotFound(string unit) =>
        ApiProblems.NotFound($"Không tìm thấy đơn vị '{unit}' trong phạm vi của bạn.");

    public static async Task<Nq57CommuneView?> LoadAsync(Nq57Services services, string round, string unit, CancellationToken ct)
    {
        var db = services.Db;
        var known = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Tenant == services.Tenant && u.Code == unit, ct);
        if (known is null) return null;
        var assessment = await db.Set<Nq57Assessment>().AsNoTracking().SingleOrDefaultAsync(a => a.Tenant == services.Tenant
            && a.FrameworkId == services.FrameworkId && a.Period == round && a.Unit == unit, ct);
        var decisions = await db.Set<Nq57Decision>().AsNoTracking().Where(d => d.Tenant == services.Tenant && d.FrameworkId == services.FrameworkId
            && d.Period == round && d.Unit == unit).OrderByDescending(d => d.DecisionRevision).ToListAsync(ct);
        var framework = Nq57Scoring.FrameworkOf(services.Frameworks, services.FrameworkId, assessment?.FrameworkVersion, round);
        if (framework is null) return null;

        var current = decisions.FirstOrDefault();
        var finalScores = Nq57Scoring.Read<decimal>(current?.ScoresJson);
        var finalReasons = Nq57Scoring.Read<string>(current?.ChangesJson);
        var approved = assessment?.State == Nq57States.Approved && assessment.ValuesJson is not null;
        var scores = approved ? Nq57Scoring.Score(framework, assessment!) : null;
        var comments = Nq57Scoring.Read<string>(assessment?.ReviewerCommentsJson);
        var criteria = framework.Indicators.Select(indicator =>
        {
            var self = scores?.Self.Indicators[indicator.Index];
            var reviewed = scores?.Reviewed.Indicators[indicator.Index];
            return new Nq57Criterion(indicator.Code, indicator.Definition.Name, Nq57Scoring.GroupOf(indicator.Code), indicator.Max,
                self?.Score ?? 0m, reviewed?.Reviewer, comments?.GetValueOrDefault(indicator.Code),
                reviewed is null ? 0m : reviewed.Reviewer ?? reviewed.Score,
                finalScores?.GetValueOrDefault(indicator.Code), finalReasons?.GetValueOrDefault(indicator.Code),
                reviewed?.Flags.ToNames() ?? []);
        }).ToList();

        return new Nq57CommuneView(round, framework.Id, framework.Version, unit, known.Name, assessment?.State, Nq57States.Name(assessment?.State),
            assessment?.Late ?? false, assessment?.Revision ?? 0, assessment?.SubmittedAt, assessment?.ReturnReason, assessment?.ApprovedAt,
            assessment?.ApprovedBy, assessment?.Demo ?? false, framework.Definition.MaxPoints,
            scores?.Self.Total, scores?.Reviewed.Total, Nq57Scoring.Exact(current?.Total),
            scores?.Self.Groups.ToDictionary(), scores?.Reviewed.Groups.ToDictionary(),
            approved, current is not null && assessment is not null && current.AssessmentRevision != assessment.Revision,
            criteria, [.. decisions.Select(ViewOf)]);
    }

    public static Nq57DecisionView ViewOf(Nq57Decision d) => new(d.DecisionRevision, Nq57Scoring.Exact(d.Total), Nq57Scoring.Exact(d.GroupA), Nq57Scoring.Exact(d.GroupB), d.Reason,
        JsonSerializer.Deserialize<Dictionary<string, string>>(d.ChangesJson) ?? [], d.DecidedBy, d.DecidedByName, d.DecidedByUnit, d.DecidedAt,
        d.AssessmentRevision);
}
