using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Assignments;

/// <summary>
/// <c>GET /api/intake/assignments?framework=&amp;reportingUnit=&amp;targetUnit=&amp;page=&amp;pageSize=</c>: the assignments
/// in force whose reporting unit lies in the caller's subtree, one page at a time.
/// </summary>
public static class ListAssignments
{
    public static async Task<Results<Ok<Paged<AssignmentView>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? framework, string? reportingUnit, string? targetUnit, int? page, int? pageSize, [AsParameters] IntakeServices services,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var (paging, invalid) = Paging.Check(page, pageSize);
        if (invalid is not null) return invalid;
        var tenant = options.Value.Tenant;
        var today = time.TodayInVietnam();
        var query = db.Assignments.AsNoTracking().ActiveOn(tenant, today)
            .WithinSubtree(a => a.ReportingUnit, db.SubtreeCodes(tenant, caller.Unit, today));
        if (framework is not null) query = query.Where(a => a.FrameworkId == framework);
        if (reportingUnit is not null) query = query.Where(a => a.ReportingUnit == reportingUnit);
        if (targetUnit is not null) query = query.Where(a => a.TargetUnit == targetUnit);
        var ordered = query.OrderBy(a => a.FrameworkId).ThenBy(a => a.TargetUnit).ThenBy(a => a.ReportingUnit)
            .ThenBy(a => a.Role).ThenBy(a => a.Frequency).ThenBy(a => a.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(paging, AssignmentView.Of, ct));
    }
}
