namespace Platform.Notifications.Workflow;

/// <summary>Notices of what happened to a unit's reports and results (returned, approved, reopened, published, bonus decided).</summary>
public static class WorkflowModule
{
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<NoticeWriter>();
        builder.Services.AddScoped<NoticeQueue>();
        return builder;
    }
}
