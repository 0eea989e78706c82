using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Obligations;
using Platform.DataAndMessaging.People;
using Platform.Notifications.Scheduling;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Reminders;

public sealed record ScheduledReminder(string Framework, string FrameworkName, string Period, string Level, string Kind, DateTimeOffset DueAt,
    string DueAtVietnam, string State, int Recipients);

public sealed record ReminderSchedule(IReadOnlyList<ScheduledReminder> Items);

/// <summary><c>GET /reminders?framework=&amp;period=</c>: the schedule of the deadlines overseen in the caller's subtree, soonest first.</summary>
public static class RemindersEndpoints
{
    public static async Task<Results<Ok<ReminderSchedule>, ProblemHttpResult>> List(string? framework, string? period,
        [AsParameters] ReminderServices services, CancellationToken ct)
    {
        var (db, user, site, _, time, _) = services;
        var tenant = site.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        var subtree = db.SubtreeCodes(tenant, unit);
        var query = db.Set<ScheduledJob>().AsNoTracking().Where(j => j.Tenant == tenant && j.Kind != JobKinds.FocalPointsMissing
            && subtree.Contains(j.Unit));
        if (!string.IsNullOrWhiteSpace(framework)) query = query.Where(j => j.Framework == framework);
        if (!string.IsNullOrWhiteSpace(period)) query = query.Where(j => j.Period == period);
        var jobs = await query.OrderBy(j => j.DueAt).ThenBy(j => j.Key).Take(2000).ToListAsync(ct);
        return TypedResults.Ok(new ReminderSchedule(jobs.Select(j => new ScheduledReminder(j.Framework, FrameworkNames.Name(services.Frameworks, j.Framework, null, j.Period), j.Period, j.Level,
            j.Kind, j.DueAt, ReminderTexts.Moment(j.DueAt), j.State, j.Recipients)).ToList()));
    }
}
