using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.DataAndMessaging.People;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Reminders;

public sealed record ReminderOffset(int WorkingDaysBefore, string Time);

/// <param name="Holidays"><c>dd/MM/yyyy</c>.</param>
public sealed record ReminderSettings(IReadOnlyList<ReminderOffset> Offsets, int LeaderAfterWorkingDays, int ReviewerAfterWorkingDays,
    IReadOnlyList<string> Holidays);

/// <summary>What the reminder handlers share, taken as one <c>[AsParameters]</c>.</summary>
public sealed record ReminderServices(NotificationsDbContext Db, ClaimsPrincipal User, IOptions<NotificationsOptions> Site,
    ReminderSettingsStore Store, TimeProvider Time, FrameworkCatalog Frameworks);

/// <summary>
/// <c>GET /reminder-settings</c> (anyone signed in: the offsets explain when reminders come) and <c>PUT</c> (a platform
/// administrator of the national root): offsets, escalation delays and holidays. Saving plans every open deadline again.
/// </summary>
public static class ReminderSettingsEndpoints
{
    public const string AuditEntity = "reminder-settings";

    public static async Task<Ok<ReminderSettings>> Get([AsParameters] ReminderServices services, CancellationToken ct)
    {
        var (db, user, site, store, time, _) = services;
        await KnownPeople.RecordAsync(db, site.Value.Tenant, user, time, ct);
        return TypedResults.Ok(View(await store.GetAsync(db, site.Value.Tenant, ct)));
    }

    public static async Task<Results<Ok<ReminderSettings>, ValidationProblem, ProblemHttpResult>> Put(ReminderSettings? body,
        [AsParameters] ReminderServices services, CancellationToken ct)
    {
        var (db, user, site, store, time, _) = services;
        var tenant = site.Value.Tenant;
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!await db.IsRootAsync(tenant, unit, ct))
            return ApiProblems.Forbidden("Chỉ quản trị hệ thống ở cấp trung ương được thay đổi lịch nhắc hạn.");
        if (body is null) return ApiProblems.Invalid("body", "Thiếu nội dung cài đặt nhắc hạn.");
        var errors = Problems(body, out var settings);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.Set<StoredReminderSettings>().FindAsync([tenant], ct);
        if (stored is null) db.Add(stored = new StoredReminderSettings { Tenant = tenant });
        var before = stored.Offsets.Length == 0 ? "mặc định" : Describe(stored.Offsets, stored.LeaderAfterWorkingDays, stored.ReviewerAfterWorkingDays, stored.Holidays.Length);
        stored.Offsets = ReminderSettingsStore.FormatOffsets(settings.Offsets);
        stored.LeaderAfterWorkingDays = settings.LeaderAfterWorkingDays;
        stored.ReviewerAfterWorkingDays = settings.ReviewerAfterWorkingDays;
        stored.Holidays = [.. settings.Holidays.Order()];
        stored.UpdatedAt = now;
        stored.UpdatedBy = user.Subject() ?? "";
        db.AuditEntries.Add(new AuditEntry(AuditEntity, tenant, "updated", stored.UpdatedBy, now,
            $"{before} → {Describe(stored.Offsets, stored.LeaderAfterWorkingDays, stored.ReviewerAfterWorkingDays, stored.Holidays.Length)}"));
        await db.SaveChangesAsync(ct);
        var effective = await store.GetAsync(db, tenant, ct);
        await ReminderPlanner.ReplanAsync(db, tenant, effective, now, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(View(effective));
    }

    private static string Describe(string offsets, int leader, int reviewer, int holidays) =>
        $"nhắc {offsets}; lãnh đạo sau {leader}, thẩm định sau thêm {reviewer} ngày làm việc; {holidays} ngày nghỉ";

    public static ReminderSettings View(EffectiveReminderSettings s) => new(
        s.Offsets.Select(o => new ReminderOffset(o.WorkingDaysBefore, o.Time.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList(),
        s.LeaderAfterWorkingDays, s.ReviewerAfterWorkingDays,
        s.Holidays.Order().Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).ToList());

    /// <summary>Every problem of the body at once, keyed by field.</summary>
    public static Dictionary<string, string[]> Problems(ReminderSettings body, out EffectiveReminderSettings settings)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        var offsets = new List<EffectiveOffset>();
        var given = body.Offsets ?? [];
        if (given.Count == 0) Add("offsets", "Cần ít nhất một lần nhắc trước hạn.");
        if (given.Count > 10) Add("offsets", "Tối đa 10 lần nhắc trước hạn.");
        for (var i = 0; i < given.Count; i++)
        {
            var offset = given[i];
            if (offset is null) { Add($"offsets[{i}]", "Lần nhắc không được để trống."); continue; }
            if (offset.WorkingDaysBefore is < 0 or > 30)
                Add($"offsets[{i}].workingDaysBefore", "Số ngày làm việc trước hạn phải từ 0 đến 30.");
            if (!TimeOnly.TryParseExact(offset.Time ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                Add($"offsets[{i}].time", $"Giờ nhắc '{offset.Time}' không hợp lệ; nhập theo dạng HH:mm, ví dụ 08:00.");
            else if (offset.WorkingDaysBefore is >= 0 and <= 30)
            {
                var candidate = new EffectiveOffset(offset.WorkingDaysBefore, at);
                if (offsets.Contains(candidate)) Add($"offsets[{i}]", "Lần nhắc này bị trùng với một lần nhắc khác.");
                else offsets.Add(candidate);
            }
        }
        if (body.LeaderAfterWorkingDays is < 1 or > 20)
            Add("leaderAfterWorkingDays", "Số ngày làm việc sau hạn để báo lãnh đạo đơn vị phải từ 1 đến 20.");
        if (body.ReviewerAfterWorkingDays is < 0 or > 20)
            Add("reviewerAfterWorkingDays", "Số ngày làm việc sau khi báo lãnh đạo để báo cán bộ thẩm định phải từ 0 đến 20.");
        var holidays = new HashSet<DateOnly>();
        var givenHolidays = body.Holidays ?? [];
        for (var i = 0; i < givenHolidays.Count; i++)
        {
            if (DateOnly.TryParseExact(givenHolidays[i] ?? "", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                holidays.Add(day);
            else
                Add($"holidays[{i}]", $"Ngày nghỉ '{givenHolidays[i]}' không hợp lệ; nhập theo dạng dd/MM/yyyy, ví dụ 30/04/2026.");
        }
        settings = new EffectiveReminderSettings(offsets, body.LeaderAfterWorkingDays, body.ReviewerAfterWorkingDays, holidays, new TimeOnly(8, 0));
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
