namespace Platform.Notifications.Inbox;

/// <summary>The in-app inbox: what the bell counts, the list, mark read.</summary>
public static class InboxModule
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}/inbox").WithTags("Inbox").RequireAuthorization();
        group.MapGet("", ReadInbox.Handle).WithName("ReadInbox").WithSummary("The caller's in-app notifications, newest first");
        group.MapGet("/unread-count", ReadInbox.Count).WithName("CountUnread").WithSummary("How many of them the caller has not read");
        group.MapPost("/{id:guid}/read", MarkRead.One).WithName("MarkRead").WithSummary("Marks one read for the caller");
        group.MapPost("/read-all", MarkRead.All).WithName("MarkAllRead").WithSummary("Marks all read for the caller");
        return app;
    }
}
