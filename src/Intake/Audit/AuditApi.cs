using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/intake/audit", ReadAudit.Handle).WithTags("Audit").WithName("ReadAudit")
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.PlatformAdmin, PlatformRoles.FrameworkAdmin, PlatformRoles.Reviewer))
            .WithSummary("Audit lines of one record (submission, assignment, unit, period, evidence), oldest first");
        return app;
    }
}
