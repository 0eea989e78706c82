using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Obligations;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Compliance;

/// <summary>
/// On-time reporting per reporting unit of the scope over the periods that have obligations: from <c>from</c> to <c>to</c>,
/// or the last <see cref="DefaultPeriods"/> of them (up to <c>to</c> when given).
/// </summary>
public static class ReadComplianceTrend
{
    public const int DefaultPeriods = 12;

    public static async Task<Results<Ok<ComplianceTrend>, ValidationProblem, ProblemHttpResult>> Handle(string framework, string? unit,
        string? from, string? to, [AsParameters] ComplianceServices services, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ComplianceInput.Period(errors, "from", from, required: false);
        ComplianceInput.Period(errors, "to", to, required: false);
        if (errors.Count == 0 && from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
            errors["from"] = [$"Kỳ bắt đầu ({ReportText.PeriodName(from)}) phải không sau kỳ kết thúc ({ReportText.PeriodName(to)})."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (services.FrameworkName(framework) is not { } frameworkName) return ReadCompliance.UnknownFramework(framework);
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return problem!;

        var announced = services.Db.Set<ObligationSet>().AsNoTracking().Where(s => s.Tenant == services.Tenant && s.Framework == framework);
        if (from is not null) announced = announced.Where(s => s.Period.CompareTo(from) >= 0);
        if (to is not null) announced = announced.Where(s => s.Period.CompareTo(to) <= 0);
        var distinct = announced.Select(s => s.Period).Distinct().OrderByDescending(s => s);
        var periods = (from is null ? await distinct.Take(DefaultPeriods).ToListAsync(ct) : await distinct.ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();

        var counts = await ComplianceRows.Query(services.Db, services.Tenant, framework, periods, scope, services.Time.GetUtcNow())
            .GroupBy(r => new { r.ReportingUnit, r.ReportingUnitName, r.Period })
            .Select(g => new
            {
                g.Key.ReportingUnit, g.Key.ReportingUnitName, g.Key.Period, Owed = g.Count(),
                OnTime = g.Count(r => r.Status == ComplianceStatuses.OnTime), Late = g.Count(r => r.Status == ComplianceStatuses.Late),
                NotReported = g.Count(r => r.Status == ComplianceStatuses.NotReported),
            }).ToListAsync(ct);

        var units = counts.GroupBy(c => (c.ReportingUnit, c.ReportingUnitName))
            .OrderBy(u => u.Key.ReportingUnitName, ReportText.NameOrder).ThenBy(u => u.Key.ReportingUnit, StringComparer.Ordinal)
            .Select(u =>
            {
                var byPeriod = u.ToDictionary(c => c.Period, StringComparer.Ordinal);
                var months = periods.Select(p => byPeriod.TryGetValue(p, out var c)
                    ? new PeriodCompliance(p, c.Owed, c.OnTime, c.Late, c.NotReported)
                    : new PeriodCompliance(p, 0, 0, 0, 0)).ToList();
                return new UnitComplianceTrend(u.Key.ReportingUnit, u.Key.ReportingUnitName, months,
                    ComplianceFigures.OnTimeRate(u.Sum(c => c.OnTime), u.Sum(c => c.Late), u.Sum(c => c.NotReported)));
            }).ToList();
        return TypedResults.Ok(new ComplianceTrend(framework, frameworkName, scope.Unit, scope.UnitName, periods,
            [.. periods.Select(ReportText.PeriodName)], units));
    }
}
