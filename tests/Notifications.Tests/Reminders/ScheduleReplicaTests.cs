using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Notifications.Scheduling;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Reminders.DeadlineWorld;

namespace Platform.Notifications.Tests.Reminders;

public sealed class ScheduleReplicaTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_running_the_same_due_reminders_write_each_notification_once_and_run_each_job_once()
    {
        var settings = Settings(infrastructure.NewDatabaseConnectionString("replicas"), await infrastructure.CreateVirtualHostAsync("replicas"));
        var start = Vn(2026, 11, 20, 10);
        await using var first = await StartAsync(infrastructure, "replicas", start, settings);
        await SeedUnitsAsync(first);
        await first.DeliverAsync(Announcement(1));
        await using var second = await StartAsync(infrastructure, "replicas", start, settings);

        // Both clocks at the leader escalation: three reminders and one escalation are due at once, on both replicas.
        var at = Vn(2026, 12, 7, 8).ToUniversalTime();
        first.Time.Advance(at - first.Time.GetUtcNow());
        second.Time.Advance(at - second.Time.GetUtcNow());
        var runners = new[] { first, second }.Select(h => h.Services.GetRequiredService<JobRunner>()).ToList();
        var claimed = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => runners[i % 2].RunDueAsync(Ct), Ct)));
        await RunAtAsync(first, at);

        Assert.Equal(4, claimed.Sum());
        await using var db = first.Db();
        var jobs = await db.Set<ScheduledJob>().Where(j => j.DueAt <= at).ToListAsync(Ct);
        Assert.All(jobs, j => Assert.Equal((JobStates.Done, 1), (j.State, j.Attempts)));
        // 3 units × (3 reminders + 1 escalation), in the app only (nobody has signed in).
        var notifications = await NotificationsAsync(first);
        Assert.Equal(12, notifications.Count);
        Assert.Equal(12, notifications.Select(n => (n.Recipient, n.Cause, n.Channel)).Distinct().Count());
    }

    [Fact]
    public async Task A_restarted_service_continues_the_schedule_it_planned_before()
    {
        var settings = Settings(infrastructure.NewDatabaseConnectionString("restart"), await infrastructure.CreateVirtualHostAsync("restart"));
        await using (var before = await StartAsync(infrastructure, "restart", Vn(2026, 11, 20, 10), settings))
        {
            await SeedUnitsAsync(before);
            await before.DeliverAsync(Announcement(1, null, Finance));
            await RunAtAsync(before, Vn(2026, 12, 1, 8));
            Assert.Single(await NotificationsAsync(before));
        }

        await using var after = await StartAsync(infrastructure, "restart", Vn(2026, 12, 2, 9), settings);
        await RunAtAsync(after, Vn(2026, 12, 3, 8));
        Assert.Equal(["reminder:monthly-4585:2026-11:agency-to-province:lao-cai.so-tc:1wd-0800", "reminder:monthly-4585:2026-11:agency-to-province:lao-cai.so-tc:3wd-0800"],
            (await NotificationsAsync(after)).Select(n => n.Cause).Order(StringComparer.Ordinal).ToList());
    }
}
