using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Submissions;

/// <summary>
/// <c>GET /api/intake/submissions?framework=&amp;period=&amp;state=&amp;reportingUnit=&amp;targetUnit=&amp;page=&amp;pageSize=</c>:
/// the submissions the caller may see, newest period first, one page at a time (<see cref="Paging"/>).
/// <c>reportingUnit</c> and <c>targetUnit</c> narrow them further (a reviewer finds last month's submission of the same
/// pair); they never widen the scope.
/// </summary>
public static class ListSubmissions
{
    public static async Task<Results<Ok<Paged<SubmissionView>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? framework, string? period, string? state, string? reportingUnit, string? targetUnit, int? page, int? pageSize,
        [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        if (state is not null && !SubmissionStates.All.Contains(state))
            return ApiProblems.InvalidByKey("state", $"Trạng thái '{state}' không hợp lệ; dùng một trong: {string.Join(", ", SubmissionStates.All)}.");
        var (paging, invalid) = Paging.Check(page, pageSize);
        if (invalid is not null) return invalid;

        var query = db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AsNoTracking();
        if (framework is not null) query = query.Where(s => s.FrameworkId == framework);
        if (period is not null) query = query.Where(s => s.Period == period);
        if (state is not null) query = query.Where(s => s.State == state);
        if (reportingUnit is not null) query = query.Where(s => s.ReportingUnit == reportingUnit);
        if (targetUnit is not null) query = query.Where(s => s.TargetUnit == targetUnit);
        var ordered = query
            .OrderByDescending(s => s.Period).ThenBy(s => s.TargetUnit).ThenBy(s => s.ReportingUnit).ThenBy(s => s.FrameworkId);
        return TypedResults.Ok(await ordered.ToPageAsync(paging, SubmissionView.Of, ct));
    }
}
