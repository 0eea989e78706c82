using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Log;

/// <summary>What was sent (or is waiting, or failed), newest first, filtered by channel, state, kind, unit or text.</summary>
public static class ListLog
{
    public static async Task<Results<Ok<LogPage>, ValidationProblem, ProblemHttpResult>> Handle(string? channel, string? state, string? kind,
        string? unit, string? q, int? page, int? pageSize, NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user,
        TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        var errors = new Dictionary<string, string[]>();
        if (channel is not null && !Channels.All.Contains(channel)) errors["channel"] = [$"Kênh \"{channel}\" không tồn tại (email, in-app, webhook)."];
        if (state is not null && state is not (NotificationStates.Pending or NotificationStates.Sent or NotificationStates.Dead or NotificationStates.Skipped))
            errors["state"] = [$"Trạng thái \"{state}\" không tồn tại (pending, sent, dead, skipped)."];
        if (kind is not null && !NotificationKinds.ForPeople.Contains(kind) && kind != NotificationKinds.Event)
            errors["kind"] = [$"Loại thông báo \"{kind}\" không tồn tại."];
        if (page is < 1) errors["page"] = ["Số trang phải từ 1 trở lên."];
        if (pageSize is < 1 or > 200) errors["pageSize"] = ["Số mục mỗi trang phải từ 1 đến 200."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (await LogScope.ForAsync(db, tenant, user, ct) is not { } rows) return ApiProblems.NoUnit();

        if (channel is not null) rows = rows.Where(n => n.Channel == channel);
        if (state is not null) rows = rows.Where(n => n.State == state);
        if (kind is not null) rows = rows.Where(n => n.Kind == kind);
        if (!string.IsNullOrWhiteSpace(unit)) rows = rows.Where(n => n.Unit == unit);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(n => EF.Functions.ILike(n.Subject, pattern) || EF.Functions.ILike(n.Recipient, pattern)
                                   || (n.RecipientName != null && EF.Functions.ILike(n.RecipientName, pattern)));
        }
        var (p, size) = (page ?? 1, pageSize ?? 50);
        var total = await rows.CountAsync(ct);
        var items = await LogScope.ItemsAsync(db, tenant,
            rows.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size), ct);
        return TypedResults.Ok(new LogPage(total, p, size, items));
    }
}
