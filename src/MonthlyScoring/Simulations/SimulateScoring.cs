using Microsoft.AspNetCore.Http.HttpResults;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Http;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// Scores a stored period and peer group under another version or a draft and answers it side by side with the
/// baseline (<see cref="SimulationBaseline"/>). Read-only by construction: no run, no publication, no outbox row — the
/// handler never calls <c>SaveChanges</c>. National only: the answer holds every unit's results, like a provisional export.
/// </summary>
public static class SimulateScoring
{
    public static async Task<Results<Ok<SimulationResult>, ValidationProblem, ProblemHttpResult>> Handle(SimulationRequest body,
        [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        var tenant = options.Value.Tenant;
        if (await RunScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (!scope.All) return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Không có quyền thực hiện",
            "Mô phỏng chấm điểm cho thấy kết quả của mọi đơn vị; chỉ quản trị bộ chỉ số cấp trung ương được chạy mô phỏng.");

        var errors = RunHttp.Check(frameworks, body.Period, body.PeerGroup, out var inForce);
        var alternative = SimulationAlternative.Resolve(body, frameworks, errors);
        if (errors.Count > 0 || alternative is null) return ApiProblems.Invalid(errors);

        SimulationBaseline baseline;
        try
        {
            baseline = await SimulationBaseline.LoadAsync(db, tenant, frameworks, inForce!, body.Period!, body.PeerGroup!, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }
        ComputedRun after;
        try
        {
            after = RunScoring.Score(alternative, ScoringRunJson.WriteInputToString(alternative, baseline.Request.KnownTo(alternative)));
        }
        catch (ScoringInputException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Không chấm được điểm theo phiên bản mô phỏng",
                $"Số liệu của kỳ {Months.Display(body.Period!)} không đạt các điều kiện của phiên bản \"{alternative.Version}\": "
                + string.Join("; ", ex.Problems.Select(p => p.ToString())));
        }

        var names = await db.UnitNamesAsync(tenant, baseline.Request.Units.Select(u => u.Unit).ToList(), ct);
        var (units, summary) = SimulationComparison.Of(baseline.Framework, baseline.ResultJson, alternative, after.ResultJson, names);
        return TypedResults.Ok(new SimulationResult(true, SimulationResult.Marking, body.Period!, body.PeerGroup!,
            new SimulationBaselineView(baseline.Kind, baseline.Label, baseline.Revision, baseline.Framework.Version),
            new SimulationAlternativeView(alternative.Version, string.IsNullOrWhiteSpace(body.FrameworkVersion), alternative.Definition.Name),
            units, summary));
    }
}
