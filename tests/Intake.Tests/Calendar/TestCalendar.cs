using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>A <see cref="ReportingCalendar"/> on the seed defaults (or given rules) with a clock the test sets.</summary>
internal sealed class TestCalendar
{
    public TestCalendar(CalendarRules? rules = null) => Calendar = new ReportingCalendar(Options.Create(rules ?? new CalendarRules()), Clock);

    public FakeTimeProvider Clock { get; } = new();

    public ReportingCalendar Calendar { get; }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public PeriodSchedule Schedule(string framework, string period, string level, string? tenant = null)
    {
        var lookup = Calendar.Find(framework, period, level, tenant);
        Assert.True(lookup.IsFound, lookup.Error);
        return lookup.Schedule;
    }

    /// <summary>Sets the clock to <paramref name="isoUtc"/> and asks whether <paramref name="unit"/> may submit.</summary>
    public SubmitDecision SubmitAt(string isoUtc, PeriodSchedule schedule, string unit = "so-tai-chinh", params PeriodReopening[] reopenings)
    {
        Clock.SetUtcNow(Utc(isoUtc));
        return Calendar.CanSubmit(schedule, unit, reopenings);
    }
}
