using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Log;

/// <summary>One notification of the log with what it said and every attempt to deliver it.</summary>
public static class ReadLogEntry
{
    public static async Task<Results<Ok<LogEntry>, ProblemHttpResult>> Handle(Guid id, NotificationsDbContext db,
        IOptions<NotificationsOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (await LogScope.ForAsync(db, tenant, user, ct) is not { } rows) return ApiProblems.NoUnit();
        var one = rows.Where(n => n.Id == id);
        if ((await LogScope.ItemsAsync(db, tenant, one, ct)).SingleOrDefault() is not { } item)
            return ApiProblems.NotFound("Không tìm thấy thông báo này trong nhật ký gửi thuộc phạm vi của bạn.");
        var content = await one.Select(n => new { n.Body, n.Link }).SingleAsync(ct);
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => a.NotificationId == id).OrderBy(a => a.Attempt)
            .Select(a => new AttemptView(a.Attempt, a.At, a.Outcome, a.Detail, a.DurationMs)).ToListAsync(ct);
        return TypedResults.Ok(new LogEntry(item, content.Body, content.Link, attempts));
    }
}
