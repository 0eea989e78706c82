using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Http;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Assignments;

/// <summary><c>GET /api/intake/assignments/{id}</c>: one assignment of the caller's subtree, with its ETag.</summary>
public static class GetAssignment
{
    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, HttpResponse response, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var today = time.TodayInVietnam();
        // Visible when either side lies in the caller's subtree: an agency sees what it owes the province.
        var subtree = db.SubtreeCodes(tenant, caller.Unit, today);
        var assignment = await db.Assignments.AsNoTracking()
            .Where(a => a.Tenant == tenant && a.Id == id && (subtree.Contains(a.TargetUnit) || subtree.Contains(a.ReportingUnit)))
            .SingleOrDefaultAsync(ct);
        if (assignment is null) return AssignmentHttp.NotFound();
        response.Headers.ETag = AssignmentHttp.ETagOf(assignment);
        return TypedResults.Ok(AssignmentView.Of(assignment));
    }
}
