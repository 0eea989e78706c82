using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;
using Platform.Intake.Obligations;

namespace Platform.Intake.Assignments;

/// <summary>ETags, the scoped query and the problem answers shared by the assignment handlers.</summary>
internal static class AssignmentHttp
{
    public static string ETagOf(Assignment a) => Versioning.ETag(a.Version);

    /// <summary>The tenant's assignments whose target unit lies in the caller's subtree (an administrator's scope).</summary>
    public static IQueryable<Assignment> Administered(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time) =>
        db.Assignments.Where(a => a.Tenant == tenant)
            .WithinSubtree(a => a.TargetUnit, db.SubtreeCodes(tenant, callerUnit, time.TodayInVietnam()));

    public static Precondition CheckIfMatch(HttpRequest request, Assignment a, bool required) =>
        Versioning.CheckIfMatch(request, a.Version, required);

    public static ProblemHttpResult PreconditionProblem(Precondition outcome, HttpResponse response, Assignment current) =>
        Versioning.PreconditionProblem(outcome, response, current.Version, "Phân công");

    /// <summary>
    /// Saves a change to <paramref name="assignment"/> and wakes the obligations announcer; someone else's save in between
    /// answers 412 with their version.
    /// </summary>
    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        IntakeDbContext db, Assignment assignment, HttpResponse response, ObligationsSignal obligations, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Assignments.AsNoTracking().SingleAsync(a => a.Id == assignment.Id, ct);
            return PreconditionProblem(Precondition.Failed, response, current);
        }
        obligations.Notify();
        response.Headers.ETag = ETagOf(assignment);
        return TypedResults.Ok(AssignmentView.Of(assignment));
    }

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound("Không tìm thấy phân công, hoặc phân công không thuộc phạm vi đơn vị của bạn.");

    public static string RoleName(string role) => role == AssignmentRoles.Lead ? "chủ trì" : "phối hợp";
}
