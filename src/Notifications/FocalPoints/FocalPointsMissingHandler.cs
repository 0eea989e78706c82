using Platform.DataAndMessaging.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Obligations;
using Platform.Notifications.Reminders;
using Platform.Notifications.Scheduling;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.FocalPoints;

/// <summary>
/// On the registration due date: to the leaders of every agency of the subtree that owes reports for the framework and
/// has registered no focal point (<c>focal-points-missing</c>, legal), in the app (<c>unit:{code}:leader</c>) and by
/// e-mail. Cause <c>focal-points-missing:{framework}:{yyyyMMdd}:{unit}</c>.
/// </summary>
public sealed class FocalPointsMissingHandler(IOptions<NotificationsOptions> site, FrameworkCatalog catalog) : IScheduledJobHandler
{
    public const string Link = "/dau-moi";

    public string Kind => JobKinds.FocalPointsMissing;

    public async Task<int> RunAsync(NotificationsDbContext db, ScheduledJob job, DateTimeOffset now, CancellationToken ct)
    {
        var subtree = db.SubtreeCodes(job.Tenant, job.Unit);
        var owing = await db.Set<OwedReport>().AsNoTracking()
            .Where(r => r.Tenant == job.Tenant && r.Framework == job.Framework && subtree.Contains(r.ReportingUnit))
            .Select(r => r.ReportingUnit).Distinct().ToListAsync(ct);
        var registered = await db.Set<FocalPoint>().AsNoTracking().Where(f => f.Tenant == job.Tenant && f.Framework == job.Framework && owing.Contains(f.Unit))
            .Select(f => f.Unit).Distinct().ToListAsync(ct);
        var missing = owing.Except(registered).ToList();
        if (missing.Count == 0) return 0;
        var names = await db.UnitNamesAsync(job.Tenant, [.. missing, job.Unit], ct);
        var frameworkName = FrameworkNames.Name(catalog, job.Framework);
        var leaders = await Audiences.PeopleAsync(db, job.Tenant, missing, PlatformRoles.Leader, ct);
        var setter = names.GetValueOrDefault(job.Unit, job.Unit);
        var dueDate = DateOnly.ParseExact(job.Step, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var url = site.Value.AbsoluteLink(Link);
        var items = new List<NewNotification>();
        foreach (var unit in missing)
        {
            var unitName = names.GetValueOrDefault(unit, unit);
            var cause = $"focal-points-missing:{job.Framework}:{job.Step}:{unit}";
            var subject = $"Chưa đăng ký cán bộ đầu mối: {unitName} — {frameworkName}, hạn {FocalPointRules.FormatDate(dueDate)}";
            MailText Text(string? name) => new MailText()
                .Paragraph($"Kính gửi {name ?? $"lãnh đạo {unitName}"},")
                .Paragraph($"Theo đề nghị của {setter}, các cơ quan, đơn vị đăng ký cán bộ đầu mối về {frameworkName} " +
                           $"trước hết ngày {FocalPointRules.FormatDate(dueDate)}. Đến nay {unitName} chưa đăng ký cán bộ đầu mối nào.")
                .Paragraph("Đề nghị đồng chí chỉ đạo đăng ký (họ và tên, chức vụ, thư điện tử, số điện thoại) để nhận nhắc hạn báo cáo.")
                .Link("Đăng ký cán bộ đầu mối", url)
                .Paragraph(ReminderTexts.Footer);
            items.Add(new NewNotification(NotificationKinds.FocalPointsMissing, cause, Channels.InApp, Audiences.InApp(unit, PlatformRoles.Leader),
                null, unit, subject, Text(null).Text, null, Link, Legal: true));
            foreach (var person in leaders.GetValueOrDefault(unit) ?? [])
            {
                var mail = Text(person.Name);
                items.Add(new NewNotification(NotificationKinds.FocalPointsMissing, cause, Channels.Email, person.Email, person.Name, unit,
                    subject, mail.Text, mail.Html, Link, Legal: true));
            }
        }
        var written = 0;
        foreach (var chunk in items.Chunk(5000)) written += await NotificationQueue.EnqueueAsync(db, job.Tenant, chunk, now, ct);
        return written;
    }
}
