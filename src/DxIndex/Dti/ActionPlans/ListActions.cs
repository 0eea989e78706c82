using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/provinces/{unit}/actions?withOutcome=</c>: the province's plan for the year, in the
/// framework's order of indicators, then by due date; with <c>withOutcome=true</c> each action carries the indicator's
/// points in the year and the next when both are scored ("năm sau, chỉ số đã thay đổi thế nào").
/// </summary>
public static class ListActions
{
    public static async Task<Results<Ok<List<ActionView>>, ProblemHttpResult>> Handle(int year, string unit, bool? withOutcome,
        [AsParameters] ActionPlanServices services, IServiceProvider provider, CancellationToken ct)
    {
        var tenant = services.Options.Value.Tenant;
        if (ActionPlanScope.Framework(services.Frameworks, year) is not { } framework) return ActionPlanScope.NoFramework(year);
        var (_, problem) = await ActionPlanScope.CheckAsync(services.Db, tenant, services.User, unit, write: false, ct);
        if (problem is not null) return problem;

        var actions = await services.Db.Set<DtiAction>().AsNoTracking()
            .Where(a => a.Tenant == tenant && a.Unit == unit && a.Year == year).ToListAsync(ct);
        var order = framework.Indicators.Select((i, n) => (i.Code, n)).ToDictionary(x => x.Code, x => x.n, StringComparer.Ordinal);
        actions = [.. actions.OrderBy(a => order.GetValueOrDefault(a.Indicator, int.MaxValue)).ThenBy(a => a.DueDate).ThenBy(a => a.CreatedAt)];

        if (withOutcome != true || provider.GetService<IDtiIndicatorScores>() is not { } scores)
            return TypedResults.Ok(actions.Select(a => ActionView.Of(a)).ToList());
        var now = await scores.ForProvinceAsync(tenant, year, unit, ct);
        var next = await scores.ForProvinceAsync(tenant, year + 1, unit, ct);
        return TypedResults.Ok(actions.Select(a => ActionView.Of(a, Outcome(a.Indicator, year, now, next))).ToList());
    }

    private static ActionOutcome? Outcome(string indicator, int year, IReadOnlyDictionary<string, IndicatorPoints>? now,
        IReadOnlyDictionary<string, IndicatorPoints>? next) =>
        now?.GetValueOrDefault(indicator) is { } before && next?.GetValueOrDefault(indicator) is { } after
            ? new ActionOutcome(year, before.Score, year + 1, after.Score, after.Score - before.Score, after.Max)
            : null;
}
