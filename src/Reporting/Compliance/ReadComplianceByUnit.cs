using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Compliance;

/// <summary>The drill-down: counts per reporting unit of the scope (a province: its agencies and itself), in Vietnamese name order.</summary>
public static class ReadComplianceByUnit
{
    public static async Task<Results<Ok<ComplianceByUnit>, ValidationProblem, ProblemHttpResult>> Handle(string framework, string period,
        string? unit, [AsParameters] ComplianceServices services, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ComplianceInput.Period(errors, "period", period, required: true);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (services.FrameworkName(framework, period) is not { } frameworkName) return ReadCompliance.UnknownFramework(framework);
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return problem!;

        var rows = ComplianceRows.Query(services.Db, services.Tenant, framework, [period], scope, services.Time.GetUtcNow());
        var units = await rows.GroupBy(r => new { r.ReportingUnit, r.ReportingUnitName })
            .OrderBy(g => EF.Functions.Collate(g.Key.ReportingUnitName, ComplianceRows.VietnameseCollation)).ThenBy(g => g.Key.ReportingUnit)
            .Select(g => new UnitComplianceRow(
                g.Key.ReportingUnit, g.Key.ReportingUnitName, g.Count(),
                g.Count(r => r.Status == ComplianceStatuses.OnTime), g.Count(r => r.Status == ComplianceStatuses.Late),
                g.Count(r => r.Status == ComplianceStatuses.NotReported), g.Count(r => r.Status == ComplianceStatuses.NotYetDue),
                g.Count(r => r.ReviewState == "approved"), g.Count(r => r.ReviewState == "submitted"), g.Count(r => r.ReviewState == "returned")))
            .ToListAsync(ct);
        return TypedResults.Ok(new ComplianceByUnit(framework, frameworkName, period, ReportText.PeriodName(period), scope.Unit, scope.UnitName, units));
    }
}
