using Platform.Notifications.Data;
using Platform.Notifications.FocalPoints;
using Platform.Notifications.Reminders;
using Platform.Notifications.Webhooks;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Messaging;
using Platform.Notifications.Email;
using Platform.Notifications.Inbox;
using Platform.Notifications.Log;
using Platform.Notifications.Preferences;
using Platform.Notifications.Workflow;
using Platform.ServiceDefaults;

namespace Platform.Notifications;

/// <summary>Nhắc hạn và thông báo.</summary>
public static class NotificationsModule
{
    public const string ServiceName = "notifications";
    public const string DatabaseName = "notificationsdb";

    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsOptions>()
            .Bind(builder.Configuration.GetSection(NotificationsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPlatformDatabase<NotificationsDbContext>(DatabaseName);
        // Its copy of intake's framework versions (FrameworkVersionPublished), over the shipped ones: notices name frameworks.
        builder.AddFrameworkStore<NotificationsDbContext>();
        builder.AddPlatformBus(ServiceName, typeof(NotificationsModule).Assembly);
        builder.AddEmail();
        builder.AddInbox();
        builder.AddPreferences();
        builder.AddWorkflow();
        builder.AddLog();
        builder.AddReminders();
        builder.AddFocalPoints();
        builder.AddWebhooks();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Nhắc hạn và thông báo").WithTags("Notifications");
        app.MapInboxApi();
        app.MapPreferencesApi();
        app.MapLogApi();
        app.MapRemindersApi();
        app.MapFocalPointsApi();
        app.MapWebhooksApi();
        return app;
    }
}
