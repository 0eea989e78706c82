namespace Platform.Intake.Obligations;

public static class ObligationsModule
{
    /// <summary>
    /// Binds and validates <c>Intake:ObligationsAnnouncer</c>; runs <see cref="ObligationsAnnouncer"/> (also resolvable, so
    /// one round can be driven directly) and the <see cref="ObligationsSignal"/> the assignment handlers wake it with.
    /// </summary>
    public static IHostApplicationBuilder AddObligationsAnnouncer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObligationsAnnouncerOptions>()
            .Bind(builder.Configuration.GetSection(ObligationsAnnouncerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ObligationsSignal>();
        builder.Services.AddSingleton<ObligationsAnnouncer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ObligationsAnnouncer>());
        return builder;
    }
}
