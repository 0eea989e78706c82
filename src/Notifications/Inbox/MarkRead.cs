using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Inbox;

/// <summary>Marks one of the caller's notifications, or all of them, read for the caller (others of the audience keep theirs).</summary>
public static class MarkRead
{
    public static async Task<Results<NoContent, ProblemHttpResult>> One(Guid id, NotificationsDbContext db, IOptions<NotificationsOptions> options,
        ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (!await InboxScope.Visible(db, tenant, user).AnyAsync(n => n.Id == id, ct))
            return ApiProblems.NotFound("Không tìm thấy thông báo này trong hộp thư của bạn.");
        var subject = user.Subject() ?? "";
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbox_reads (tenant, subject, notification_id, read_at) VALUES ({tenant}, {subject}, {id}, {now})
            ON CONFLICT DO NOTHING
            """, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> All(NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        var subject = user.Subject() ?? "";
        var now = time.GetUtcNow();
        var ids = await InboxScope.Unread(db, tenant, user).Select(n => n.Id).ToArrayAsync(ct);
        if (ids.Length > 0)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO inbox_reads (tenant, subject, notification_id, read_at)
                SELECT {tenant}, {subject}, id, {now} FROM unnest({ids}) AS id
                ON CONFLICT DO NOTHING
                """, ct);
        return TypedResults.NoContent();
    }
}
