using Platform.DataAndMessaging.Obligations;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Obligations;
using Platform.Notifications.Scheduling;

namespace Platform.Notifications.Reminders;

/// <summary>
/// Writes a deadline's reminders and escalations (<see cref="ReminderPlan"/>) into the schedule, in the caller's
/// transaction. Planning again (a new revision, new settings) moves the pending jobs, cancels the pending ones no longer
/// planned and leaves those already done. A deadline announced late: a reminder whose instant has passed is skipped,
/// except the last one before the deadline, which is sent at once; escalations always run.
/// </summary>
public sealed class ReminderPlanner(ReminderSettingsStore settingsStore)
{
    public async Task PlanAsync(DbContext db, ObligationSet set, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(db, set.Tenant, ct);
        await PlanAsync(db, set, settings, now, ct);
    }

    public static async Task PlanAsync(DbContext db, ObligationSet set, EffectiveReminderSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var plan = ReminderPlan.For(set.DueAt, settings);
        var lastReminder = plan.Where(s => s.Kind == JobKinds.Reminder).Select(s => s.DueAt).DefaultIfEmpty().Max();
        var prefix = KeyPrefix(set);
        var jobs = await db.Set<ScheduledJob>().Where(j => j.Key.StartsWith(prefix)).ToDictionaryAsync(j => j.Key, ct);
        foreach (var step in plan)
        {
            var key = prefix + step.Step;
            var passed = step.Kind == JobKinds.Reminder && step.DueAt <= now && (step.DueAt != lastReminder || now >= set.DueAt);
            if (!jobs.TryGetValue(key, out var job))
            {
                db.Add(new ScheduledJob
                {
                    Key = key, Tenant = set.Tenant, Kind = step.Kind, Framework = set.Framework, Period = set.Period, Level = set.Level,
                    Unit = set.OverseeingUnit, Step = step.Step, DueAt = step.DueAt, CreatedAt = now,
                    State = passed ? JobStates.Skipped : JobStates.Pending,
                });
                continue;
            }
            if (job.State is not (JobStates.Pending or JobStates.Cancelled)) continue;
            job.DueAt = step.DueAt;
            job.State = passed ? JobStates.Skipped : JobStates.Pending;
        }
        var planned = plan.Select(s => prefix + s.Step).ToHashSet();
        foreach (var job in jobs.Values.Where(j => j.State == JobStates.Pending && !planned.Contains(j.Key)))
            job.State = JobStates.Cancelled;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Plans every deadline not yet escalated to the reviewers again, after the settings changed.</summary>
    public static async Task ReplanAsync(DbContext db, string tenant, EffectiveReminderSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Set<ScheduledJob>().Where(j => j.Tenant == tenant && j.Kind == JobKinds.ReviewerEscalation && j.State == JobStates.Pending)
            .Select(j => new { j.Framework, j.Period, j.Level, j.Unit }).ToListAsync(ct);
        foreach (var key in open)
        {
            var set = await db.Set<ObligationSet>().AsNoTracking().SingleOrDefaultAsync(s => s.Tenant == tenant && s.Framework == key.Framework
                && s.Period == key.Period && s.Level == key.Level && s.OverseeingUnit == key.Unit, ct);
            if (set is not null) await PlanAsync(db, set, settings, now, ct);
        }
    }

    public static string KeyPrefix(ObligationSet set) =>
        $"{set.Tenant}|deadline|{set.Framework}|{set.Period}|{set.Level}|{set.OverseeingUnit}|";
}
