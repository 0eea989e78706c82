using Platform.Notifications.Scheduling;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.FocalPoints;

/// <summary>Focal points (cán bộ đầu mối): registration per agency and framework, the province's overview and due date.</summary>
public static class FocalPointsModule
{
    public static IHostApplicationBuilder AddFocalPoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IScheduledJobHandler, FocalPointsMissingHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFocalPointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}/focal-points").WithTags("FocalPoints");
        group.MapGet("/{framework}", FocalPointEndpoints.Get).WithName("GetFocalPoints")
            .WithSummary("The caller's agency's focal points for the framework (ETag)")
            .RequireAuthorization();
        group.MapPut("/{framework}", FocalPointEndpoints.Put).WithName("PutFocalPoints")
            .WithSummary("Register the agency's focal points (reporter or leader; If-Match required; at most 5 people)")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Leader));
        group.MapGet("/{framework}/overview", FocalPointOverviewEndpoints.Get).WithName("GetFocalPointOverview")
            .WithSummary("Which agencies of the caller's subtree have registered")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.PlatformAdmin));
        group.MapPut("/{framework}/due-date", FocalPointOverviewEndpoints.PutDueDate).WithName("PutFocalPointDueDate")
            .WithSummary("The date (dd/MM/yyyy) by which the subtree's agencies register; their leaders are reminded on it")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.PlatformAdmin));
        return app;
    }
}
