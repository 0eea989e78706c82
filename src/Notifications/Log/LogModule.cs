using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Log;

/// <summary>The sent log: every notification, its attempts, and retry, for platform administrators (their subtree).</summary>
public static class LogModule
{
    public static IHostApplicationBuilder AddLog(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}/log").WithTags("Sent log").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        group.MapGet("", ListLog.Handle).WithName("ListSentLog").WithSummary("Notifications of the caller's subtree, newest first, filtered");
        group.MapGet("/{id:guid}", ReadLogEntry.Handle).WithName("ReadSentLogEntry").WithSummary("One notification with every delivery attempt");
        group.MapPost("/{id:guid}/retry", RetryNotification.Handle).WithName("RetryNotification").WithSummary("Sends a dead or waiting notification again now");
        return app;
    }
}
