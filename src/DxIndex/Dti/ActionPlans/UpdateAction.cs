using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// <c>PUT …/actions/{id}</c> with <c>If-Match</c> (428 without, 412 when someone saved since): replaces the action's fields
/// (audited, "before → after").
/// </summary>
public static class UpdateAction
{
    private const string Record = "Hành động";

    public static async Task<Results<Ok<ActionView>, ValidationProblem, ProblemHttpResult>> Handle(int year, string unit, Guid id, ActionInput input,
        [AsParameters] ActionPlanServices services, CancellationToken ct)
    {
        var (db, user, options, time, frameworks, http) = services;
        var tenant = options.Value.Tenant;
        if (ActionPlanScope.Framework(frameworks, year) is not { } framework) return ActionPlanScope.NoFramework(year);
        var (_, problem) = await ActionPlanScope.CheckAsync(db, tenant, user, unit, write: true, ct);
        if (problem is not null) return problem;
        var action = await db.Set<DtiAction>().SingleOrDefaultAsync(a => a.Id == id && a.Tenant == tenant && a.Unit == unit && a.Year == year, ct);
        if (action is null) return ApiProblems.NotFound("Không tìm thấy hành động này trong kế hoạch của tỉnh (có thể đã bị xoá).");
        var precondition = Versioning.CheckIfMatch(http.Request, action.Version, required: true);
        if (precondition != Precondition.Met) return Versioning.PreconditionProblem(precondition, http.Response, action.Version, Record);
        var errors = input.Problems(framework, out var dueDate);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var before = CreateAction.Describe(action);
        var now = time.GetUtcNow();
        input.ApplyTo(action, dueDate);
        var subject = user.Subject() ?? "";
        action.UpdatedAt = now;
        action.UpdatedBy = subject;
        action.UpdatedByName = CreateAction.WriterName(user);
        action.Version++;
        db.AuditEntries.Add(new AuditEntry(ActionPlansApi.AuditEntity, ActionPlanScope.AuditId(action), "updated", subject, now,
            $"{before} → {CreateAction.Describe(action)}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the same version between our read and our write.
            return Versioning.PreconditionProblem(Precondition.Failed, http.Response, action.Version, Record);
        }
        http.Response.Headers.ETag = Versioning.ETag(action.Version);
        return TypedResults.Ok(ActionView.Of(action));
    }
}
