using Platform.DataAndMessaging.Obligations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Obligations;
using Platform.DataAndMessaging.People;
using Platform.Notifications.Scheduling;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.FocalPoints;

/// <summary>
/// <c>GET /focal-points/{framework}/overview</c>: which agencies of the caller's subtree (those that owe reports for the
/// framework, or registered anyway) have registered; <c>PUT …/due-date</c>: the date by which they must, which also
/// plans the reminder to the leaders of those that have not (<see cref="FocalPointsMissingHandler"/>).
/// </summary>
public static class FocalPointOverviewEndpoints
{
    public static async Task<Results<Ok<FocalPointOverview>, ValidationProblem, ProblemHttpResult>> Get(string framework,
        [AsParameters] FocalPointServices services, CancellationToken ct)
    {
        var (db, user, site, _, time, _, frameworks) = services;
        var tenant = site.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!FocalPointScope.IsFrameworkId(framework)) return ApiProblems.Invalid("framework", $"Mã bộ chỉ số '{framework}' không hợp lệ.");
        return TypedResults.Ok(await OverviewAsync(db, frameworks, tenant, framework, unit, ct));
    }

    public static async Task<Results<Ok<FocalPointOverview>, ValidationProblem, ProblemHttpResult>> PutDueDate(string framework, FocalPointDueDateRequest? body,
        [AsParameters] FocalPointServices services, CancellationToken ct)
    {
        var (db, user, site, settingsStore, time, _, frameworks) = services;
        var tenant = site.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        var errors = new Dictionary<string, string[]>();
        if (!FocalPointScope.IsFrameworkId(framework)) errors["framework"] = [$"Mã bộ chỉ số '{framework}' không hợp lệ."];
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        if (!DateOnly.TryParseExact(body?.DueDate ?? "", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueDate))
            errors["dueDate"] = [$"Hạn đăng ký '{body?.DueDate}' không hợp lệ; nhập theo dạng dd/MM/yyyy, ví dụ 15/01/2027."];
        else if (dueDate < today)
            errors["dueDate"] = [$"Hạn đăng ký {FocalPointRules.FormatDate(dueDate)} đã qua; chọn hôm nay ({FocalPointRules.FormatDate(today)}) hoặc một ngày sau."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var subject = user.Subject() ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.Set<FocalPointDueDate>().FindAsync([tenant, framework, unit], ct);
        var before = stored is null ? "(chưa đặt)" : FocalPointRules.FormatDate(stored.DueDate);
        if (stored is null) db.Add(stored = new FocalPointDueDate { Tenant = tenant, Framework = framework, Unit = unit });
        stored.DueDate = dueDate;
        stored.SetBy = subject;
        stored.SetAt = now;
        db.AuditEntries.Add(new AuditEntry(FocalPointEndpoints.AuditEntity, $"{framework}/{unit}", "due-date", subject, now,
            $"{before} → {FocalPointRules.FormatDate(dueDate)}"));

        // The reminder goes out at the morning of the due date (the working day before when it is a weekend or holiday).
        var settings = await settingsStore.GetAsync(db, tenant, ct);
        var day = settings.Calendar.OnOrBefore(dueDate);
        var key = $"{tenant}|focal-points|{framework}|{unit}";
        var job = await db.Set<ScheduledJob>().FindAsync([key], ct);
        if (job is null) db.Add(job = new ScheduledJob { Key = key, Tenant = tenant, Kind = JobKinds.FocalPointsMissing, Framework = framework, Unit = unit, CreatedAt = now });
        job.Step = dueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        job.DueAt = VietnamTime.ToUtc(day, settings.Morning);
        job.State = JobStates.Pending;
        job.LockedUntil = null;
        job.CompletedAt = null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await OverviewAsync(db, frameworks, tenant, framework, unit, ct));
    }

    public static async Task<FocalPointOverview> OverviewAsync(NotificationsDbContext db, FrameworkCatalog catalog, string tenant, string framework, string unit, CancellationToken ct)
    {
        var subtree = db.SubtreeCodes(tenant, unit);
        var owing = await db.Set<OwedReport>().AsNoTracking().Where(r => r.Tenant == tenant && r.Framework == framework && subtree.Contains(r.ReportingUnit))
            .Select(r => r.ReportingUnit).Distinct().ToListAsync(ct);
        var registered = await db.Set<FocalPoint>().AsNoTracking().Where(f => f.Tenant == tenant && f.Framework == framework && subtree.Contains(f.Unit))
            .GroupBy(f => f.Unit).Select(g => new { Unit = g.Key, People = g.Count() }).ToDictionaryAsync(g => g.Unit, g => g.People, ct);
        var updated = await db.Set<FocalPointRegistrationState>().AsNoTracking()
            .Where(r => r.Tenant == tenant && r.Framework == framework && subtree.Contains(r.Unit))
            .ToDictionaryAsync(r => r.Unit, r => r.UpdatedAt, ct);
        var codes = owing.Union(registered.Keys).ToList();
        var names = await db.UnitNamesAsync(tenant, codes, ct);
        var vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), false);
        var units = codes.Select(c => new FocalPointStatus(c, names.GetValueOrDefault(c, c), registered.GetValueOrDefault(c), registered.ContainsKey(c),
                updated.TryGetValue(c, out var at) ? at : null))
            .OrderBy(s => s.Registered).ThenBy(s => s.UnitName, vietnamese).ToList();
        var due = await FocalPointScope.DueDateAsync(db, tenant, framework, unit, ct);
        return new FocalPointOverview(framework, FrameworkNames.Name(catalog, framework),
            due is { } d ? FocalPointRules.FormatDate(d) : null, units);
    }
}
