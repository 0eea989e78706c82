using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Nq57;

/// <summary>One commune in the round's list.</summary>
public sealed record Nq57RoundRow(string Unit, string Name, string? Province, string ProvinceName, string? State, string StateName, bool Late,
    DateTimeOffset? SubmittedAt, decimal? SelfTotal, decimal? ReviewerTotal, decimal? FinalTotal, decimal? FinalA, decimal? FinalB,
    int? DecisionRevision, bool DecisionOutdated, int? Rank, bool Demo);

/// <summary>A criterion that communes most often did not reach: final score below its points, counted over decided communes.</summary>
public sealed record Nq57MissedCriterion(string Code, string Name, decimal Max, int Communes, decimal AverageFinal);

/// <summary>The round seen from a province (its communes) or the national level (every commune).</summary>
public sealed record Nq57RoundView(string Round, string FrameworkId, string FrameworkVersion, string FrameworkName, string Scope, string ScopeName,
    decimal MaxPoints, int Communes, int Submitted, int NotSubmitted, int Approved, int Decided, bool Demo,
    IReadOnlyList<Nq57RoundRow> Rows, IReadOnlyList<Nq57MissedCriterion> MostMissed);

/// <summary>
/// <c>GET /api/dx-index/nq57/rounds/{round}?unit=</c>: every commune (a unit in a peer group <c>&lt;province&gt;.communes</c>)
/// in the caller's subtree — or in <c>unit</c>'s, inside the caller's — with who has submitted, self / reviewer / final
/// totals, groups A and B of the final decision, the ranking by final total (ties share a rank) and the criteria most
/// often missed.
/// </summary>
public static class ReadRound
{
    public static async Task<Results<Ok<Nq57RoundView>, ProblemHttpResult>> Handle(string round, string? unit,
        [AsParameters] Nq57Services services, CancellationToken ct)
    {
        if (services.User.OrgUnit() is not { } caller) return ApiProblems.NoUnit();
        var view = await LoadAsync(services, caller, round, unit, ct);
        return view is null ? ReadCommune.NotFound(unit ?? caller) : TypedResults.Ok(view);
    }

    public static async Task<Nq57RoundView?> LoadAsync(Nq57Services services, string caller, string round, string? unit, CancellationToken ct)
    {
        var db = services.Db;
        var scope = string.IsNullOrWhiteSpace(unit) ? caller : unit.Trim();
        var visible = await services.SubtreeAsync(caller, ct);
        if (!visible.Contains(scope)) return null;
        var framework = Nq57Scoring.FrameworkOf(services.Frameworks, services.FrameworkId, null, round);
        if (framework is null) return null;
        var subtree = scope == caller ? visible : await services.SubtreeAsync(scope, ct);

        var units = await db.Units.AsNoTracking().Where(u => u.Tenant == services.Tenant).Select(u => new { u.Code, u.Name, u.ParentCode, u.PeerGroups })
            .ToListAsync(ct);
        var names = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var communes = units.Where(u => subtree.Contains(u.Code) && u.PeerGroups.Any(g => g.EndsWith(".communes", StringComparison.Ordinal))).ToList();
        var assessments = await db.Set<Nq57Assessment>().AsNoTracking()
            .Where(a => a.Tenant == services.Tenant && a.FrameworkId == services.FrameworkId && a.Period == round).ToListAsync(ct);
        var byUnit = assessments.Where(a => subtree.Contains(a.Unit)).ToDictionary(a => a.Unit, StringComparer.Ordinal);
        var decisions = (await db.Set<Nq57Decision>().AsNoTracking()
                .Where(d => d.Tenant == services.Tenant && d.FrameworkId == services.FrameworkId && d.Period == round).ToListAsync(ct))
            .Where(d => subtree.Contains(d.Unit)).GroupBy(d => d.Unit).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecisionRevision)!, StringComparer.Ordinal);

        var missed = framework.Indicators.ToDictionary(i => i.Code, _ => (Count: 0, Sum: 0m), StringComparer.Ordinal);
        var rows = new List<Nq57RoundRow>();
        foreach (var commune in communes)
        {
            byUnit.TryGetValue(commune.Code, out var a);
            decisions.TryGetValue(commune.Code, out var d);
            var scores = a is { State: Nq57States.Approved, ValuesJson: not null }
                ? Nq57Scoring.Score(Nq57Scoring.FrameworkOf(services.Frameworks, services.FrameworkId, a.FrameworkVersion, round) ?? framework, a)
                : null;
            if (d is not null)
            {
                foreach (var (code, score) in Nq57Scoring.Read<decimal>(d.ScoresJson) ?? [])
                {
                    if (!missed.TryGetValue(code, out var m)) continue;
                    var max = framework.Indicators.First(i => i.Code == code).Max;
                    missed[code] = (m.Count + (score < max ? 1 : 0), m.Sum + score);
                }
            }
            var province = commune.ParentCode;
            rows.Add(new Nq57RoundRow(commune.Code, commune.Name, province, province is null ? "" : names.GetValueOrDefault(province, province),
                a?.State, Nq57States.Name(a?.State), a?.Late ?? false, a?.SubmittedAt, scores?.Self.Total, scores?.Reviewed.Total,
                Nq57Scoring.Exact(d?.Total), Nq57Scoring.Exact(d?.GroupA), Nq57Scoring.Exact(d?.GroupB), d?.DecisionRevision, d is not null && a is not null && d.AssessmentRevision != a.Revision, null,
                (a?.Demo ?? false) || (d?.Demo ?? false)));
        }

        var ranked = rows.Where(r => r.FinalTotal is not null).OrderByDescending(r => r.FinalTotal).ToList();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
            ranks[ranked[i].Unit] = i > 0 && ranked[i].FinalTotal == ranked[i - 1].FinalTotal ? ranks[ranked[i - 1].Unit] : i + 1;
        var ordered = rows.Select(r => r with { Rank = ranks.TryGetValue(r.Unit, out var rank) ? rank : null })
            .OrderBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.State switch { Nq57States.Approved => 0, Nq57States.Submitted => 1, Nq57States.Returned => 2, _ => 3 })
            .ThenByDescending(r => r.ReviewerTotal ?? r.SelfTotal ?? -1m)
            .ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        var decided = ordered.Count(r => r.FinalTotal is not null);
        var mostMissed = framework.Indicators.Where(i => missed[i.Code].Count > 0)
            .Select(i => new Nq57MissedCriterion(i.Code, i.Definition.Name, i.Max, missed[i.Code].Count, Math.Round(missed[i.Code].Sum / decided, 2)))
            .OrderByDescending(m => m.Communes).ThenBy(m => m.AverageFinal / m.Max).ThenBy(m => m.Code, StringComparer.Ordinal).ToList();

        var submitted = ordered.Count(r => r.State is not null);
        return new Nq57RoundView(round, framework.Id, framework.Version, framework.Definition.Name, scope, names.GetValueOrDefault(scope, scope),
            framework.Definition.MaxPoints, ordered.Count, submitted, ordered.Count - submitted, ordered.Count(r => r.State == Nq57States.Approved), decided,
            ordered.Any(r => r.Demo), ordered, mostMissed);
    }
}
