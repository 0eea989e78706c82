using Platform.Notifications.Data;
using Platform.Notifications.Webhooks;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;
using Platform.ServiceDefaults;

namespace Platform.Notifications;

/// <summary>Nhắc hạn và thông báo.</summary>
public static class NotificationsModule
{
    public const string ServiceName = "notifications";
    public const string DatabaseName = "notificationsdb";

    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase<NotificationsDbContext>(DatabaseName);
        builder.AddPlatformBus(ServiceName, typeof(NotificationsModule).Assembly);
        builder.AddWebhooks();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Nhắc hạn và thông báo").WithTags("Notifications");
        app.MapWebhooksApi();
        return app;
    }
}
