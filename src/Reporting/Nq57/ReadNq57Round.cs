using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Reporting.Compliance;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Nq57;

/// <summary>Participation in an NQ57 round in the caller's scope, per province.</summary>
public static class ReadNq57Round
{
    public static async Task<Results<Ok<Nq57RoundSummary>, ValidationProblem, ProblemHttpResult>> Handle(string round, string? unit,
        [AsParameters] ComplianceServices services, IOptions<Nq57Options> options, CancellationToken ct)
    {
        if (!Nq57Round.IsRound(round)) return InvalidRound(round);
        var framework = options.Value.Nq57Framework;
        if (services.FrameworkName(framework, round) is not { } frameworkName) return ReadCompliance.UnknownFramework(framework);
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return problem!;

        var rows = Nq57Round.Rows(services, options, round, scope);
        var provinces = await Nq57Round.ProvincesAsync(rows, ct);
        var dueAt = await Nq57Round.DueAtAsync(rows, ct);
        return TypedResults.Ok(new Nq57RoundSummary(framework, frameworkName, round, scope.Unit, scope.UnitName, dueAt,
            dueAt is { } at ? ReportText.Moment(at) : null, Nq57Round.Totals(provinces), provinces));
    }

    public static ValidationProblem InvalidRound(string round) =>
        ApiProblems.Invalid("round", $"Đợt đánh giá \"{round}\" không hợp lệ: dùng mã đợt gồm chữ không dấu, số, '.', '-' hoặc '_' (ví dụ 2026).");
}
