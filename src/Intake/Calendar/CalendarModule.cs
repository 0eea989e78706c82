using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.Intake.Calendar;

public static class CalendarModule
{
    /// <summary>Binds <c>Intake:Calendar</c> over the seed defaults, validates it at start-up, registers <see cref="ReportingCalendar"/>.</summary>
    public static IHostApplicationBuilder AddReportingCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarRules>().BindConfiguration(CalendarRules.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CalendarRules>, CalendarRulesValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReportingCalendar>();
        return builder;
    }
}
