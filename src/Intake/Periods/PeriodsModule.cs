namespace Platform.Intake.Periods;

public static class PeriodsModule
{
    /// <summary>Binds and validates <c>Intake:PeriodCloser</c>; runs <see cref="PeriodCloser"/> (also resolvable, so one pass can be driven directly).</summary>
    public static IHostApplicationBuilder AddPeriods(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PeriodCloserOptions>()
            .Bind(builder.Configuration.GetSection(PeriodCloserOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PeriodCloser>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PeriodCloser>());
        return builder;
    }
}
