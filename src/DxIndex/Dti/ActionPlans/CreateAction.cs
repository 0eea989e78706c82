using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DataAndMessaging.Audit;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary><c>POST /api/dx-index/dti/{year}/provinces/{unit}/actions</c>: the province records an action (audited).</summary>
public static class CreateAction
{
    public static async Task<Results<Created<ActionView>, ValidationProblem, ProblemHttpResult>> Handle(int year, string unit, ActionInput input,
        [AsParameters] ActionPlanServices services, CancellationToken ct)
    {
        var (db, user, options, time, frameworks, http) = services;
        var tenant = options.Value.Tenant;
        if (ActionPlanScope.Framework(frameworks, year) is not { } framework) return ActionPlanScope.NoFramework(year);
        var (_, problem) = await ActionPlanScope.CheckAsync(db, tenant, user, unit, write: true, ct);
        if (problem is not null) return problem;
        var errors = input.Problems(framework, out var dueDate);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = time.GetUtcNow();
        var subject = user.Subject() ?? "";
        var action = new DtiAction
        {
            Id = Guid.CreateVersion7(now), Tenant = tenant, Year = year, Unit = unit, CreatedAt = now, CreatedBy = subject,
            UpdatedAt = now, UpdatedBy = subject, UpdatedByName = WriterName(user), Version = 1,
        };
        input.ApplyTo(action, dueDate);
        db.Add(action);
        db.AuditEntries.Add(new AuditEntry(ActionPlansApi.AuditEntity, ActionPlanScope.AuditId(action), "created", subject, now, Describe(action)));
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ServiceDefaults.Http.Versioning.ETag(action.Version);
        return TypedResults.Created($"/api/dx-index/dti/{year}/provinces/{unit}/actions/{action.Id}", ActionView.Of(action));
    }

    internal static string WriterName(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value ?? user.FindFirst(KeycloakClaims.PreferredUsername)?.Value ?? user.Subject() ?? "";

    /// <summary>The audit line's detail: what was recorded, as people read it.</summary>
    internal static string Describe(DtiAction a) =>
        $"chỉ số {a.Indicator}: {a.Action} — chủ trì: {a.OwnerAgency}; hạn {a.DueDate:dd/MM/yyyy}; tiến độ {a.Progress}%; {a.Status}"
        + (a.Note is null ? "" : $"; ghi chú: {a.Note}");
}
