using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Compliance;

/// <summary>Who owes what for a framework and period in the caller's scope: totals, deadlines and one page of lines, overdue first.</summary>
public static class ReadCompliance
{
    public static async Task<Results<Ok<ComplianceReport>, ValidationProblem, ProblemHttpResult>> Handle(string framework, string period,
        string? unit, string? level, string? status, string? q, string? page, string? pageSize, [AsParameters] ComplianceServices services,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ComplianceInput.Period(errors, "period", period, required: true);
        ComplianceInput.Level(errors, level);
        ComplianceInput.Status(errors, status);
        var p = ComplianceInput.Page(errors, page);
        var size = ComplianceInput.PageSize(errors, pageSize);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (services.FrameworkName(framework, period) is not { } frameworkName) return UnknownFramework(framework);
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return problem!;

        var now = services.Time.GetUtcNow();
        var rows = ComplianceRows.Query(services.Db, services.Tenant, framework, [period], scope, now);
        if (level is not null) rows = rows.Where(r => r.Level == level);
        var totals = await ComplianceFigures.TotalsAsync(rows, ct);
        var deadlines = await ComplianceFigures.DeadlinesAsync(services, framework, period, rows, ct);

        var listed = rows.WithStatus(status);
        if (NameSearch.Normalise(q) is { } search) listed = listed.Where(r => r.SearchName.Contains(search));
        var total = await listed.CountAsync(ct);
        var lines = await listed.InReadingOrder().Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var asOf = await services.AsOfAsync(ct);
        return TypedResults.Ok(new ComplianceReport(framework, frameworkName, period, ReportText.PeriodName(period), scope.Unit, scope.UnitName,
            deadlines, totals, total, p, size, [.. lines.Select(l => ComplianceFigures.Line(l, now))], asOf,
            asOf is { } at ? ReportText.Moment(at) : null));
    }

    public static ProblemHttpResult UnknownFramework(string framework) =>
        ApiProblems.NotFound($"Không tìm thấy bộ chỉ số \"{framework}\".");
}
