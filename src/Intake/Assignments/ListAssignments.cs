using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Intake.Units;

namespace Platform.Intake.Assignments;

/// <summary><c>GET /api/intake/assignments?framework=</c>: the assignments in force whose reporting unit lies in the caller's subtree.</summary>
public static class ListAssignments
{
    public static async Task<Results<Ok<List<AssignmentView>>, ProblemHttpResult>> Handle(
        string? framework, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (Caller.From(user) is not { } caller) return SubmissionHttp.NoUnit();
        var tenant = options.Value.Tenant;
        var today = time.TodayInVietnam();
        var query = db.Assignments.AsNoTracking().ActiveOn(tenant, today)
            .WithinSubtree(a => a.ReportingUnit, db.SubtreeCodes(tenant, caller.Unit, today));
        if (framework is not null) query = query.Where(a => a.FrameworkId == framework);
        var rows = await query.OrderBy(a => a.FrameworkId).ThenBy(a => a.TargetUnit).ThenBy(a => a.ReportingUnit).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(AssignmentView.Of).ToList());
    }
}
