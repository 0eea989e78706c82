using Platform.Notifications.Data;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;

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
        return builder;
    }

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        app.MapGet($"/api/{ServiceName}", () => TypedResults.Ok(new ServiceInfo(ServiceName, "Nhắc hạn và thông báo")))
            .WithTags("Notifications");
        return app;
    }
}

public sealed record ServiceInfo(string Service, string Description);
