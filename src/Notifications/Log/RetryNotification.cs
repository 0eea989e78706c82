using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Audit;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Log;

/// <summary>
/// An administrator sends a dead (or still waiting) e-mail or webhook notification again now: it becomes pending, due
/// at once, with its attempt count kept (the log shows every attempt). Audited. A sent one is not sent again (409).
/// </summary>
public static class RetryNotification
{
    public static async Task<Results<Accepted, ProblemHttpResult>> Handle(Guid id, NotificationsDbContext db, IOptions<NotificationsOptions> options,
        ClaimsPrincipal user, TimeProvider time, DeliverySignal signal, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (await LogScope.ForAsync(db, tenant, user, ct) is not { } rows) return ApiProblems.NoUnit();
        var row = await rows.Where(n => n.Id == id).Select(n => new { n.Channel, n.State }).SingleOrDefaultAsync(ct);
        if (row is null) return ApiProblems.NotFound("Không tìm thấy thông báo này trong nhật ký gửi thuộc phạm vi của bạn.");
        if (row.Channel == Channels.InApp) return ApiProblems.Conflict("Thông báo trong ứng dụng đã được chuyển đến khi tạo; không cần gửi lại.");
        if (row.State is not (NotificationStates.Dead or NotificationStates.Pending))
            return ApiProblems.Conflict($"Thông báo đang ở trạng thái \"{KindNames.State(row.State)}\"; chỉ gửi lại được thông báo gửi không thành công hoặc đang chờ gửi.");

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE notifications SET state = 'pending', next_attempt_at = {now}, locked_until = NULL
            WHERE id = {id} AND state IN ('dead', 'pending')
            """, ct);
        if (updated == 0) return ApiProblems.Conflict("Thông báo vừa được gửi; không cần gửi lại.");
        db.AuditEntries.Add(new AuditEntry("notification", id.ToString(), "retried", user.Subject() ?? "", now, $"{row.Channel}: {row.State} → pending"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();
        return TypedResults.Accepted((string?)null);
    }
}
