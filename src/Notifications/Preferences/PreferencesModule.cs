namespace Platform.Notifications.Preferences;

/// <summary>Each person's channels per kind of notification.</summary>
public static class PreferencesModule
{
    public static IHostApplicationBuilder AddPreferences(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{NotificationsModule.ServiceName}/preferences").WithTags("Preferences").RequireAuthorization();
        group.MapGet("", ReadPreferences.Handle).WithName("ReadPreferences").WithSummary("The caller's channels per kind");
        group.MapPut("", UpdatePreferences.Handle).WithName("UpdatePreferences").WithSummary("Chooses the caller's channels per kind; legal kinds stay on");
        return app;
    }
}
