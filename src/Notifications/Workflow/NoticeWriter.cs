using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Email;
using Platform.Scoring;

namespace Platform.Notifications.Workflow;

/// <summary>
/// Addresses a <see cref="Notice"/>: in-app to the unit's audiences <c>unit:{code}:{role}</c>, by e-mail to the
/// <see cref="Recipients"/> of the unit for the roles given (focal points first for reporters), each e-mail saying why
/// its recipient gets it.
/// </summary>
public sealed class NoticeWriter(NotificationsDbContext db, EmailTemplate template, IOptions<NotificationsOptions> options, FrameworkCatalog catalog)
{
    public string Tenant => options.Value.Tenant;

    public string FrameworkName(string framework, string? version, string period) =>
        catalog.Find(framework, version, period)?.Definition.Name
        ?? catalog.All.LastOrDefault(f => f.Id == framework)?.Definition.Name
        ?? framework;

    public async Task<string> UnitNameAsync(string unit, CancellationToken ct) =>
        (await db.UnitNamesAsync(Tenant, [unit], ct)).GetValueOrDefault(unit, unit);

    public async Task<List<NewNotification>> AddressAsync(Notice notice, IReadOnlyList<string> inAppRoles, IReadOnlyList<string> emailRoles,
        string? frameworkName, CancellationToken ct)
    {
        var unitName = await UnitNameAsync(notice.Unit, ct);
        var body = string.Join("\n\n", notice.Lines);
        var legal = NotificationKinds.Legal.Contains(notice.Kind);
        var items = inAppRoles.Select(role => new NewNotification(notice.Kind, notice.Cause, Channels.InApp, Recipients.Audience(notice.Unit, role),
            $"{Capitalised(KindNames.Role(role))} — {unitName}", notice.Unit, notice.Subject, body, null, notice.Link, legal)).ToList();

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in emailRoles)
        {
            foreach (var r in await Recipients.EmailAsync(db, Tenant, notice.Unit, notice.Framework, role, notice.Kind, ct))
            {
                if (!seen.Add(r.Email)) continue;
                var why = r.FocalPoint && frameworkName is not null
                    ? $"Bạn nhận thư này vì là cán bộ đầu mối về {frameworkName} của {unitName}."
                    : $"Bạn nhận thư này vì là {KindNames.Role(role)} của {unitName} trên {options.Value.PlatformName}.";
                var (text, html) = template.Render(notice.Subject,
                    new EmailContent($"Kính gửi {r.Name ?? unitName},", notice.Lines, notice.Link, notice.LinkText, why));
                items.Add(new NewNotification(notice.Kind, notice.Cause, Channels.Email, r.Email, r.Name, notice.Unit, notice.Subject, text, html,
                    notice.Link, legal));
            }
        }
        return items;
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
