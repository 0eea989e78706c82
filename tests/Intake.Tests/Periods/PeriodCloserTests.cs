using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Intake.Data;
using Platform.Intake.Periods;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Periods;

/// <summary>
/// The closer's passes are driven directly; the hosted closer runs too (and wakes whenever the fake clock moves),
/// so every assertion also holds against a second closer running at the same time.
/// </summary>
public sealed class PeriodCloserTests(PlatformInfrastructure infrastructure)
{
    private const string Monthly = "monthly-4585";

    [Fact]
    public async Task Each_level_of_a_period_gets_exactly_one_PeriodClosed_once_its_deadline_has_passed()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "closer");
        var closer = host.Services.GetRequiredService<PeriodCloser>();
        var ct = TestContext.Current.CancellationToken;

        // 10:00 on 2 February: 2026-01 is still open at both levels.
        await closer.CloseDueAsync(ct);
        Assert.Empty(await ClosedAsync(host, "2026-01"));

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline.AddSeconds(-1));
        await closer.CloseDueAsync(ct);
        Assert.Empty(await ClosedAsync(host, "2026-01"));

        // 00:00 on 3 February: the agencies' deadline has passed, the provinces' (before the 5th) has not.
        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        await closer.CloseDueAsync(ct);
        var agencies = Assert.Single(await ClosedAsync(host, "2026-01"));
        Assert.Equal(new PeriodClosed("national", Monthly, "4585/QĐ-BKHCN (30/12/2025)", "2026-01", "agency-to-province",
            PeriodCalls.AgencyDeadline, PeriodCalls.AgencyDeadline), agencies);

        // 00:00 on 5 February, two passes at once.
        var nationalDeadline = new DateTimeOffset(2026, 2, 4, 17, 0, 0, TimeSpan.Zero);
        host.Time.SetUtcNow(nationalDeadline);
        var counts = await Task.WhenAll(closer.CloseDueAsync(ct), closer.CloseDueAsync(ct));
        Assert.InRange(counts.Sum(), 0, 1);
        await closer.CloseDueAsync(ct);

        var closed = await ClosedAsync(host, "2026-01");
        Assert.Equal(["agency-to-province", "to-national"], closed.Select(e => e.Level).Order());
        Assert.Equal(nationalDeadline, Assert.Single(closed, e => e.Level == "to-national").DueAt);
        await using var db = host.Db();
        Assert.Equal(2, await db.ClosedPeriods.CountAsync(c => c.FrameworkId == Monthly && c.Period == "2026-01", ct));
    }

    [Fact]
    public async Task Periods_due_within_the_lookback_are_caught_up_older_ones_are_not_announced()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "closer-lookback");
        var ct = TestContext.Current.CancellationToken;

        // At the start (10:00 on 2 February 2026) nothing is due in force: monthly-4585 takes effect in 2026-01, so the
        // months before it, though their deadlines lie within the lookback, are not reporting periods and are not announced.
        await host.Services.GetRequiredService<PeriodCloser>().CloseDueAsync(ct);
        Assert.Empty(await ClosedAsync(host, "2025-12"));
        Assert.Empty(await ClosedAsync(host, "2025-11"));

        // 10:00 on 2 May 2026; 62 days earlier is 10:00 on 1 March: 2026-02 (due 3 and 5 March) and 2026-03 (due 3 and 5
        // April) are caught up; 2026-01 (due in February) is older than the lookback and never announced; 2026-04 is not due.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 5, 2, 3, 0, 0, TimeSpan.Zero));
        await host.Services.GetRequiredService<PeriodCloser>().CloseDueAsync(ct);
        Assert.Equal(["agency-to-province", "to-national"], (await ClosedAsync(host, "2026-02")).Select(e => e.Level).Order());
        Assert.Equal(2, (await ClosedAsync(host, "2026-03")).Count);
        Assert.Empty(await ClosedAsync(host, "2026-01"));
        Assert.Empty(await ClosedAsync(host, "2026-04"));
    }

    [Fact]
    public async Task A_period_another_replica_closes_first_is_skipped_quietly_without_a_second_event()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "closer-race");
        var closer = host.Services.GetRequiredService<PeriodCloser>();
        var ct = TestContext.Current.CancellationToken;

        // The other replica has inserted its row but not committed yet: our pass does not see it, tries to insert,
        // waits on the primary key, and loses once the other commits.
        await using var replica = host.Db();
        await using var transaction = await replica.Database.BeginTransactionAsync(ct);
        replica.ClosedPeriods.Add(new ClosedPeriod("national", Monthly, "2026-01", "agency-to-province", PeriodCalls.AgencyDeadline));
        await replica.SaveChangesAsync(ct);
        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        var pass = closer.CloseDueAsync(ct);
        await Eventually.WaitForAsync(() => WaitingOnLocksAsync(host), n => n > 0, TimeSpan.FromSeconds(30), "a closer waiting on the closed_periods key");
        await transaction.CommitAsync(ct);

        Assert.Equal(0, await pass);
        Assert.Empty(await ClosedAsync(host, "2026-01"));
        await using var db = host.Db();
        Assert.Equal(1, await db.ClosedPeriods.CountAsync(c => c.FrameworkId == Monthly && c.Period == "2026-01", ct));
    }

    private static async Task<List<PeriodClosed>> ClosedAsync(ServiceHost<Program, IntakeDbContext> host, string period) =>
        (await host.OutboxAsync(nameof(PeriodClosed)))
            .Select(body => JsonSerializer.Deserialize<PeriodClosed>(body, SubmissionCalls.Json)!)
            .Where(e => e.FrameworkId == Monthly && e.Period == period)
            .ToList();

    private static async Task<int> WaitingOnLocksAsync(ServiceHost<Program, IntakeDbContext> host)
    {
        await using var db = host.Db();
        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """).SingleAsync(TestContext.Current.CancellationToken);
    }
}
