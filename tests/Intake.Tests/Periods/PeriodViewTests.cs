using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Intake.Periods;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Periods;

public sealed class PeriodViewTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task The_period_shows_its_dates_in_UTC_and_Vietnam_time_and_where_it_stands_now()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "period-view");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var agencies = await reporter.PeriodAsync();

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), "01/01/2026", "31/01/2026"),
            (agencies.DataFrom, agencies.DataTo, agencies.DataFromDisplay, agencies.DataToDisplay));
        Assert.Equal((new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero), "01/01/2026 00:00"), (agencies.OpensAt, agencies.OpensAtDisplay));
        Assert.Equal((PeriodCalls.AgencyDeadline, "03/02/2026 00:00"), (agencies.DueAt, agencies.DueAtDisplay));
        Assert.Equal((new DateTimeOffset(2026, 1, 31, 17, 0, 0, TimeSpan.Zero), "01/02/2026 00:00"), (agencies.FrozenAt, agencies.FrozenAtDisplay));
        Assert.Equal(("open", "Đang mở; hạn nộp trước 00:00 ngày 03/02/2026.", "accept-and-mark-late", false, null),
            (agencies.Status, agencies.StatusText, agencies.LatePolicy, agencies.Closed, agencies.Reopening));
        var national = await reporter.PeriodAsync("to-national");
        Assert.Equal(("05/02/2026 00:00", "open"), (national.DueAtDisplay, national.Status));

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        await host.Services.GetRequiredService<PeriodCloser>().CloseDueAsync(TestContext.Current.CancellationToken);
        var late = await reporter.PeriodAsync();
        Assert.Equal(("late", true), (late.Status, late.Closed));
        Assert.Equal(("open", false), ((await reporter.PeriodAsync("to-national")).Status, (await reporter.PeriodAsync("to-national")).Closed));
    }

    [Fact]
    public async Task Under_refuse_a_passed_period_is_locked_and_shows_the_callers_reopening()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "period-view-locked", PeriodCalls.Refuse);
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var other = host.Client(SubmissionsHost.OtherReporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);

        var locked = await reporter.PeriodAsync();
        Assert.Equal(("locked", null), (locked.Status, locked.Reopening));
        Assert.Equal(HttpStatusCode.Created, (await reviewer.ReopenAsync("lao-cai.so-khcn", "2026-02-04T17:00:00+07:00", "Bổ sung số liệu.")).StatusCode);

        var reopened = await reporter.PeriodAsync();
        Assert.Equal(("locked", "04/02/2026 17:00", true), (reopened.Status, reopened.Reopening?.UntilDisplay, reopened.Reopening?.Running));
        Assert.Contains("được mở lại kỳ báo cáo đến 17:00 ngày 04/02/2026", reopened.StatusText, StringComparison.Ordinal);
        Assert.Null((await other.PeriodAsync()).Reopening);
    }

    [Fact]
    public async Task An_unknown_level_or_period_is_refused_with_the_field_named()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "period-view-bad");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var level = await reporter.GetAsync("/api/intake/periods/monthly-4585/2026-01?level=to-moon", TestContext.Current.CancellationToken);
        var period = await reporter.GetAsync("/api/intake/periods/monthly-4585/2026-1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
        Assert.True((await level.ProblemAsync()).GetProperty("errors").TryGetProperty("level", out _));
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.Contains("YYYY-MM", (await period.ProblemAsync()).GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }
}
