using Platform.DataAndMessaging.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Obligations;
using Platform.Notifications.Scheduling;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Reminders;

/// <summary>What a deadline job reads: the deadline and who still owes what at the moment it runs.</summary>
internal sealed record DeadlineState(ObligationSet Set, string FrameworkName, IReadOnlyList<OwingUnit> Owing)
{
    public static async Task<DeadlineState?> LoadAsync(NotificationsDbContext db, FrameworkCatalog catalog, ScheduledJob job, CancellationToken ct)
    {
        var set = await db.Set<ObligationSet>().AsNoTracking().SingleOrDefaultAsync(s => s.Tenant == job.Tenant && s.Framework == job.Framework
            && s.Period == job.Period && s.Level == job.Level && s.OverseeingUnit == job.Unit, ct);
        if (set is null) return null;
        var owing = await OutstandingReports.ByUnitAsync(db, set.Tenant, set.Framework, set.Period, set.Level, set.OverseeingUnit, ct);
        if (owing.Count == 0) return null;
        return new DeadlineState(set, FrameworkNames.Name(catalog, set.Framework, set.FrameworkVersion, set.Period), owing);
    }

    public static async Task<int> EnqueueAsync(NotificationsDbContext db, string tenant, List<NewNotification> items, DateTimeOffset now, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in items.Chunk(5000)) written += await NotificationQueue.EnqueueAsync(db, tenant, chunk, now, ct);
        return written;
    }
}

/// <summary>
/// A reminder before a deadline (<c>deadline-reminder</c>, legal): to every unit that still owes, its focal points (or
/// reporters) by e-mail and its reporters in the app. Cause <c>reminder:{framework}:{period}:{level}:{unit}:{offset}</c>.
/// </summary>
public sealed class DeadlineReminderHandler(IOptions<NotificationsOptions> site, FrameworkCatalog catalog) : IScheduledJobHandler
{
    public const string Link = "/viec-cua-toi";

    public string Kind => JobKinds.Reminder;

    public async Task<int> RunAsync(NotificationsDbContext db, ScheduledJob job, DateTimeOffset now, CancellationToken ct)
    {
        if (await DeadlineState.LoadAsync(db, catalog, job, ct) is not { } state) return 0;
        var set = state.Set;
        var recipients = await Audiences.ReportersAsync(db, set.Tenant, set.Framework, state.Owing.Select(u => u.Unit).ToList(), ct);
        var url = site.Value.AbsoluteLink(Link);
        var items = new List<NewNotification>();
        foreach (var unit in state.Owing)
        {
            var cause = $"reminder:{set.Framework}:{set.Period}:{set.Level}:{unit.Unit}:{job.Step}";
            var subject = ReminderTexts.ReminderSubject(unit, set.Period, set.DueAt);
            var inApp = ReminderTexts.Reminder(unit, state.FrameworkName, set.Period, set.DueAt, null, url);
            items.Add(new NewNotification(NotificationKinds.DeadlineReminder, cause, Channels.InApp, Audiences.InApp(unit.Unit, PlatformRoles.Reporter),
                null, unit.Unit, subject, inApp.Text, null, Link, Legal: true));
            foreach (var person in recipients.GetValueOrDefault(unit.Unit) ?? [])
            {
                var mail = ReminderTexts.Reminder(unit, state.FrameworkName, set.Period, set.DueAt, person.Name, url);
                items.Add(new NewNotification(NotificationKinds.DeadlineReminder, cause, Channels.Email, person.Email, person.Name, unit.Unit,
                    subject, mail.Text, mail.Html, Link, Legal: true));
            }
        }
        return await DeadlineState.EnqueueAsync(db, set.Tenant, items, now, ct);
    }
}

/// <summary>
/// After the deadline, to the leaders of every unit that still owes (<c>deadline-escalation</c>, legal), in the app
/// (<c>unit:{code}:leader</c>) and by e-mail. Cause <c>escalation:leader:{framework}:{period}:{level}:{unit}</c>.
/// </summary>
public sealed class LeaderEscalationHandler(IOptions<NotificationsOptions> site, FrameworkCatalog catalog) : IScheduledJobHandler
{
    public string Kind => JobKinds.LeaderEscalation;

    public async Task<int> RunAsync(NotificationsDbContext db, ScheduledJob job, DateTimeOffset now, CancellationToken ct)
    {
        if (await DeadlineState.LoadAsync(db, catalog, job, ct) is not { } state) return 0;
        var set = state.Set;
        var leaders = await Audiences.PeopleAsync(db, set.Tenant, state.Owing.Select(u => u.Unit).ToList(), PlatformRoles.Leader, ct);
        var url = site.Value.AbsoluteLink(DeadlineReminderHandler.Link);
        var items = new List<NewNotification>();
        foreach (var unit in state.Owing)
        {
            var cause = $"escalation:leader:{set.Framework}:{set.Period}:{set.Level}:{unit.Unit}";
            var subject = ReminderTexts.LeaderEscalationSubject(unit, set.Period, set.DueAt);
            var inApp = ReminderTexts.LeaderEscalation(unit, state.FrameworkName, set.Period, set.DueAt, null, url);
            items.Add(new NewNotification(NotificationKinds.DeadlineEscalation, cause, Channels.InApp, Audiences.InApp(unit.Unit, PlatformRoles.Leader),
                null, unit.Unit, subject, inApp.Text, null, DeadlineReminderHandler.Link, Legal: true));
            foreach (var person in leaders.GetValueOrDefault(unit.Unit) ?? [])
            {
                var mail = ReminderTexts.LeaderEscalation(unit, state.FrameworkName, set.Period, set.DueAt, person.Name, url);
                items.Add(new NewNotification(NotificationKinds.DeadlineEscalation, cause, Channels.Email, person.Email, person.Name, unit.Unit,
                    subject, mail.Text, mail.Html, DeadlineReminderHandler.Link, Legal: true));
            }
        }
        return await DeadlineState.EnqueueAsync(db, set.Tenant, items, now, ct);
    }
}

/// <summary>
/// Some working days after the leaders, ONE notification per reviewer audience of the overseeing unit listing every unit
/// that still owes and what it misses (<c>deadline-escalation</c>, legal). Cause
/// <c>escalation:reviewer:{framework}:{period}:{level}:{overseeing unit}</c>.
/// </summary>
public sealed class ReviewerEscalationHandler(IOptions<NotificationsOptions> site, FrameworkCatalog catalog) : IScheduledJobHandler
{
    public const string Link = "/tinh-hinh-bao-cao";

    public string Kind => JobKinds.ReviewerEscalation;

    public async Task<int> RunAsync(NotificationsDbContext db, ScheduledJob job, DateTimeOffset now, CancellationToken ct)
    {
        if (await DeadlineState.LoadAsync(db, catalog, job, ct) is not { } state) return 0;
        var set = state.Set;
        var overseeing = (await db.UnitNamesAsync(set.Tenant, [set.OverseeingUnit], ct)).GetValueOrDefault(set.OverseeingUnit, set.OverseeingUnit);
        var reviewers = await Audiences.PeopleAsync(db, set.Tenant, [set.OverseeingUnit], PlatformRoles.Reviewer, ct);
        var url = site.Value.AbsoluteLink(Link);
        var cause = $"escalation:reviewer:{set.Framework}:{set.Period}:{set.Level}:{set.OverseeingUnit}";
        var subject = ReminderTexts.ReviewerEscalationSubject(overseeing, state.Owing.Count, set.Period, set.DueAt);
        var inApp = ReminderTexts.ReviewerEscalation(overseeing, state.Owing, state.FrameworkName, set.Period, set.DueAt, null, url);
        var items = new List<NewNotification>
        {
            new(NotificationKinds.DeadlineEscalation, cause, Channels.InApp, Audiences.InApp(set.OverseeingUnit, PlatformRoles.Reviewer),
                null, set.OverseeingUnit, subject, inApp.Text, null, Link, Legal: true),
        };
        foreach (var person in reviewers.GetValueOrDefault(set.OverseeingUnit) ?? [])
        {
            var mail = ReminderTexts.ReviewerEscalation(overseeing, state.Owing, state.FrameworkName, set.Period, set.DueAt, person.Name, url);
            items.Add(new NewNotification(NotificationKinds.DeadlineEscalation, cause, Channels.Email, person.Email, person.Name, set.OverseeingUnit,
                subject, mail.Text, mail.Html, Link, Legal: true));
        }
        return await DeadlineState.EnqueueAsync(db, set.Tenant, items, now, ct);
    }
}
