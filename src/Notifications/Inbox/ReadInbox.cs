using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Inbox;

/// <summary>The caller's inbox, newest first, and its unread count (the bell).</summary>
public static class ReadInbox
{
    public static async Task<Results<Ok<InboxPage>, ValidationProblem>> Handle(bool? unreadOnly, int? page, int? pageSize,
        NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["Số trang phải từ 1 trở lên."];
        if (pageSize is < 1 or > 100) errors["pageSize"] = ["Số mục mỗi trang phải từ 1 đến 100."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (p, size) = (page ?? 1, pageSize ?? 20);
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);

        var subject = user.Subject() ?? "";
        var unread = await InboxScope.Unread(db, tenant, user).CountAsync(ct);
        var listed = unreadOnly == true ? InboxScope.Unread(db, tenant, user) : InboxScope.Visible(db, tenant, user);
        var total = unreadOnly == true ? unread : await listed.CountAsync(ct);
        var rows = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size)
            .Select(n => new
            {
                n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.Legal,
                Read = db.Set<InboxRead>().Any(r => r.Tenant == tenant && r.Subject == subject && r.NotificationId == n.Id),
            })
            .ToListAsync(ct);
        var items = rows.Select(n => new InboxItem(n.Id, n.Kind, KindNames.Of(n.Kind), n.Subject, n.Body, n.Link, n.CreatedAt,
            Wording.Moment(n.CreatedAt), n.Read, n.Legal)).ToList();
        return TypedResults.Ok(new InboxPage(unread, total, p, size, items));
    }

    public static async Task<Ok<UnreadCount>> Count(NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        return TypedResults.Ok(new UnreadCount(await InboxScope.Unread(db, tenant, user).CountAsync(ct)));
    }
}
