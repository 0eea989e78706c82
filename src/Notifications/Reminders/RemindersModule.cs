using Platform.Notifications.Scheduling;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Reminders;

/// <summary>Deadline reminders and escalations: settings, planner, the jobs that send them, and the schedule runner.</summary>
public static class RemindersModule
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection("Notifications:Reminders"));
        builder.Services.AddOptions<NotificationSiteOptions>().Bind(builder.Configuration.GetSection("Notifications"));
        builder.Services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection("Notifications:Scheduling"));
        builder.Services.AddSingleton<ReminderSettingsStore>();
        builder.Services.AddSingleton<ReminderPlanner>();
        builder.Services.AddSingleton<IScheduledJobHandler, DeadlineReminderHandler>();
        builder.Services.AddSingleton<IScheduledJobHandler, LeaderEscalationHandler>();
        builder.Services.AddSingleton<IScheduledJobHandler, ReviewerEscalationHandler>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService(s => s.GetRequiredService<JobRunner>());
        return builder;
    }

    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}").WithTags("Reminders");
        group.MapGet("/reminder-settings", ReminderSettingsEndpoints.Get).WithName("GetReminderSettings")
            .WithSummary("When deadline reminders and escalations are sent (offsets, delays, holidays dd/MM/yyyy)")
            .RequireAuthorization();
        group.MapPut("/reminder-settings", ReminderSettingsEndpoints.Put).WithName("PutReminderSettings")
            .WithSummary("Change the reminder settings (platform administrator of the national root); open deadlines are planned again")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));
        group.MapGet("/reminders", RemindersEndpoints.List).WithName("ListReminders")
            .WithSummary("The reminder and escalation schedule of the deadlines overseen in the caller's subtree")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.PlatformAdmin));
        return app;
    }
}
