using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Preferences;

/// <summary>
/// Replaces the caller's choices for the kinds named. A legal kind (deadline reminders and escalations, missing focal
/// points) cannot be turned off on either channel: the law sets those deadlines, and a silenced reminder is a missed one.
/// </summary>
public static class UpdatePreferences
{
    public static async Task<Results<Ok<PreferencesView>, ValidationProblem, ProblemHttpResult>> Handle(PreferencesUpdate update,
        NotificationsDbContext db, IOptions<NotificationsOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.Subject() is not { } subject) return ApiProblems.Forbidden("Tài khoản không có định danh người dùng (sub).");

        var errors = new Dictionary<string, string[]>();
        var kinds = update.Kinds ?? [];
        if (update.Kinds is null) errors["kinds"] = ["Thiếu danh sách loại thông báo (kinds)."];
        for (var i = 0; i < kinds.Count; i++)
        {
            var choice = kinds[i];
            if (choice is null || !NotificationKinds.ForPeople.Contains(choice.Kind))
                errors[$"kinds[{i}].kind"] = [$"Loại thông báo \"{choice?.Kind}\" không tồn tại."];
            else if (NotificationKinds.Legal.Contains(choice.Kind) && !(choice.Email && choice.InApp))
                errors[$"kinds[{i}]"] = [$"Không thể tắt \"{KindNames.Of(choice.Kind)}\": đây là thông báo về thời hạn theo quy định, luôn được gửi qua thư điện tử và trong ứng dụng."];
        }
        foreach (var duplicate in kinds.Where(k => k is not null).GroupBy(k => k.Kind).Where(g => g.Count() > 1))
            errors[$"kinds"] = [$"Loại thông báo \"{duplicate.Key}\" được nêu nhiều lần."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = time.GetUtcNow();
        var existing = await db.Set<Preference>().Where(p => p.Tenant == tenant && p.Subject == subject).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var choice in kinds.Where(k => !NotificationKinds.Legal.Contains(k.Kind)))
        {
            if (!existing.TryGetValue(choice.Kind, out var row))
                db.Add(row = new Preference { Tenant = tenant, Subject = subject, Kind = choice.Kind });
            (row.Email, row.InApp, row.UpdatedAt) = (choice.Email, choice.InApp, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ReadPreferences.ViewAsync(db, tenant, subject, ct));
    }
}
