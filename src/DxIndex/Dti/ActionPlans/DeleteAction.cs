using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary><c>DELETE …/actions/{id}</c>: removes an action (audited with what it said); <c>If-Match</c> is honoured when sent.</summary>
public static class DeleteAction
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(int year, string unit, Guid id,
        [AsParameters] ActionPlanServices services, CancellationToken ct)
    {
        var (db, user, options, time, frameworks, http) = services;
        var tenant = options.Value.Tenant;
        if (ActionPlanScope.Framework(frameworks, year) is null) return ActionPlanScope.NoFramework(year);
        var (_, problem) = await ActionPlanScope.CheckAsync(db, tenant, user, unit, write: true, ct);
        if (problem is not null) return problem;
        var action = await db.Set<DtiAction>().SingleOrDefaultAsync(a => a.Id == id && a.Tenant == tenant && a.Unit == unit && a.Year == year, ct);
        if (action is null) return ApiProblems.NotFound("Không tìm thấy hành động này trong kế hoạch của tỉnh (có thể đã bị xoá).");
        var precondition = Versioning.CheckIfMatch(http.Request, action.Version, required: false);
        if (precondition != Precondition.Met) return Versioning.PreconditionProblem(precondition, http.Response, action.Version, "Hành động");

        db.Remove(action);
        db.AuditEntries.Add(new AuditEntry(ActionPlansApi.AuditEntity, ActionPlanScope.AuditId(action), "deleted", user.Subject() ?? "",
            time.GetUtcNow(), CreateAction.Describe(action)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.PreconditionProblem(Precondition.Failed, http.Response, action.Version, "Hành động");
        }
        return TypedResults.NoContent();
    }
}
