using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.Scoring.Definitions;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.OfficialReports;

/// <summary>A unit's published month: total, class, rank, its groups with their indicators, and what to improve first.</summary>
/// <param name="Ranked">Units of the peer group that were ranked (reported) in the revision.</param>
public sealed record Scorecard(string Framework, string FrameworkName, string FrameworkVersion, string Period, string PeriodName, string Unit,
    string UnitName, string PeerGroup, string PeerGroupName, int Revision, DateTimeOffset PublishedAt, string PublishedAtVietnam, bool Reported,
    decimal? Total, string? Classification, string ClassificationName, int? Rank, int Ranked, decimal Bonus, decimal? PreviousTotal, int? PreviousRank,
    IReadOnlyList<ScorecardGroup> Groups, IReadOnlyList<ImprovementItem> Improvements);

public sealed record ScorecardGroup(string Code, string Name, decimal Score, decimal? Max, IReadOnlyList<ScorecardIndicator> Indicators);

/// <param name="FlagNames">The flags in Vietnamese (e.g. "Chưa báo cáo", "Mẫu số bằng 0").</param>
public sealed record ScorecardIndicator(string Code, string Name, decimal Score, decimal Max, IReadOnlyList<string> Flags, IReadOnlyList<string> FlagNames);

/// <param name="Gap">Points missing to the indicator's maximum.</param>
public sealed record ImprovementItem(string Code, string Name, decimal Score, decimal Max, decimal Gap, string Advice);

public static class ScorecardQuery
{
    public const int Improvements = 5;

    public static async Task<Results<Ok<Scorecard>, ValidationProblem, ProblemHttpResult>> Get(string framework, string period, string unit,
        string? revision, ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var (card, invalid, problem) = await FindAsync(framework, period, unit, revision, db, catalog, options.Value.Tenant, user, new(), ct);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        return TypedResults.Ok(card!);
    }

    private sealed record IndicatorScore(decimal Score, decimal Max, string[]? Flags);

    /// <summary>The unit's result in the revision asked for (current when none) of the peer group it was published in.</summary>
    public static async Task<(Scorecard? Card, ValidationProblem? Invalid, ProblemHttpResult? Problem)> FindAsync(string framework, string period,
        string unit, string? revision, ReportingDbContext db, FrameworkCatalog catalog, string tenant, ClaimsPrincipal user,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        DashboardInput.Framework(framework, null, catalog, errors);
        if (!RankingSources.IsPeriod(period)) errors["period"] = [$"Kỳ (period) phải có dạng YYYY-MM, ví dụ 2026-11; nhận được \"{period}\"."];
        var wanted = RankingSources.Revision(revision, errors);
        if (errors.Count > 0) return (null, ApiProblems.Invalid(errors), null);
        var (scope, problem) = await ReportingScope.ResolveAsync(db, tenant, user, unit, ct);
        if (problem is not null) return (null, null, problem);

        var found = await (
            from p in db.Set<Publication>().AsNoTracking()
            join s in db.Set<PublishedScore>().AsNoTracking()
                on new { p.Tenant, p.Framework, p.Period, p.PeerGroup, p.Revision } equals new { s.Tenant, s.Framework, s.Period, s.PeerGroup, s.Revision }
            where p.Tenant == tenant && p.Framework == framework && p.Period == period && s.Unit == scope!.Unit
                  && (wanted == null ? p.IsCurrent : p.Revision == wanted)
            orderby p.PeerGroup
            select new { Publication = p, Score = s }).FirstOrDefaultAsync(ct);
        if (found is null)
            return (null, null, ApiProblems.NotFound(wanted is null
                ? $"Chưa có kết quả {ReportText.PeriodName(period).ToLower(ReportText.Vietnamese)} được công bố cho {scope!.UnitName}."
                : $"Không có lần công bố {wanted} của kết quả {ReportText.PeriodName(period).ToLower(ReportText.Vietnamese)} cho {scope!.UnitName}."));

        var (pub, score) = (found.Publication, found.Score);
        var previousMonth = ReportText.PreviousMonth(period) ?? "";
        var previous = await (
            from p in db.Set<Publication>().AsNoTracking()
            join s in db.Set<PublishedScore>().AsNoTracking()
                on new { p.Tenant, p.Framework, p.Period, p.PeerGroup, p.Revision } equals new { s.Tenant, s.Framework, s.Period, s.PeerGroup, s.Revision }
            where p.Tenant == tenant && p.Framework == framework && p.Period == previousMonth && p.PeerGroup == pub.PeerGroup && p.IsCurrent
                  && s.Unit == score.Unit && s.Reported
            select new { s.Total, s.Rank }).FirstOrDefaultAsync(ct);

        var definition = catalog.Find(framework, pub.FrameworkVersion, period)?.Definition;
        var groupScores = score.Reported ? PublishedFrameworks.Scores(score.Groups) : new Dictionary<string, decimal>();
        var indicatorScores = Indicators(score.Indicators);
        var groups = (definition?.Groups ?? []).Select(g => new ScorecardGroup(g.Code, g.Name, groupScores.GetValueOrDefault(g.Code), g.Max > 0 ? g.Max : null,
            Leaves(g).Select(i => Indicator(i, indicatorScores)).ToList())).ToList();
        var agencies = (definition?.Groups ?? []).SelectMany(Leaves).ToDictionary(i => i.Code, i => i.LeadAgency);
        var improvements = groups.SelectMany(g => g.Indicators).Where(i => i.Max - i.Score > 0)
            .OrderByDescending(i => i.Max - i.Score).ThenBy(i => i.Code, StringComparer.Ordinal).Take(Improvements)
            .Select(i => new ImprovementItem(i.Code, i.Name, i.Score, i.Max, i.Max - i.Score, Advice(i, agencies.GetValueOrDefault(i.Code)))).ToList();

        var frameworkName = definition?.Name ?? framework;
        return (new Scorecard(framework, frameworkName, pub.FrameworkVersion, period, ReportText.PeriodName(period), scope!.Unit, scope.UnitName,
            pub.PeerGroup, ReportText.PeerGroupName(pub.PeerGroup), pub.Revision, pub.PublishedAt, ReportText.Moment(pub.PublishedAt), score.Reported,
            score.Reported ? score.Total : null, score.Reported ? score.Classification : null,
            ReportText.ClassificationName(score.Reported ? score.Classification : null), score.Reported ? score.Rank : null, pub.Reported,
            score.Bonus, previous?.Total, previous?.Rank, groups, improvements), null, null);
    }

    /// <summary>A group's scored indicators, its subgroups' included.</summary>
    private static IEnumerable<IndicatorDefinition> Leaves(GroupDefinition group) => group.Indicators.Concat(group.Groups.SelectMany(Leaves));

    private static ScorecardIndicator Indicator(IndicatorDefinition definition, IReadOnlyDictionary<string, IndicatorScore> scores)
    {
        var found = scores.GetValueOrDefault(definition.Code);
        var flags = found?.Flags ?? [];
        return new ScorecardIndicator(definition.Code, definition.Name, found?.Score ?? 0m, found?.Max ?? definition.Max, flags,
            flags.Select(FlagText.Name).ToList());
    }

    private static string Advice(ScorecardIndicator indicator, string? leadAgency)
    {
        var who = leadAgency is null ? "" : $" Cơ quan chủ trì theo dõi: {leadAgency}.";
        if (indicator.Flags.Contains("missing"))
            return $"Báo cáo đầy đủ, đúng hạn số liệu của chỉ tiêu này: tháng này chưa có số liệu được duyệt nên chỉ tiêu tính 0 điểm.{who}";
        if (indicator.Flags.Contains("zero-denominator"))
            return $"Mẫu số của tỷ lệ bằng 0 nên điểm theo quy định của khung; rà soát số liệu đầu vào.{who}";
        return $"Còn thiếu {ReportText.Number(indicator.Max - indicator.Score)} trên {ReportText.Number(indicator.Max)} điểm tối đa; ưu tiên cải thiện kết quả \"{indicator.Name}\".{who}";
    }

    private static Dictionary<string, IndicatorScore> Indicators(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, IndicatorScore>>(json, JsonSerializerOptions.Web) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
