using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Data;
using Platform.Notifications.Obligations;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.FocalPoints;

/// <summary>What the focal-point endpoints look up: the due date in force for a unit, the registration as people read it.</summary>
public static partial class FocalPointScope
{
    public const string Record = "Danh sách cán bộ đầu mối";

    public static bool IsFrameworkId(string framework) => FrameworkId().IsMatch(framework);

    /// <summary>The due date set by the unit itself or its nearest ancestor that set one.</summary>
    public static async Task<DateOnly?> DueDateAsync(NotificationsDbContext db, string tenant, string framework, string unit, CancellationToken ct)
    {
        var dates = await db.Set<FocalPointDueDate>().AsNoTracking().Where(d => d.Tenant == tenant && d.Framework == framework)
            .ToDictionaryAsync(d => d.Unit, d => d.DueDate, ct);
        if (dates.Count == 0) return null;
        var parents = await db.Units.AsNoTracking().Where(u => u.Tenant == tenant).Select(u => new { u.Code, u.ParentCode })
            .ToDictionaryAsync(u => u.Code, u => u.ParentCode, ct);
        string? current = unit;
        for (var depth = 0; current is not null && depth < 20; depth++)
        {
            if (dates.TryGetValue(current, out var date)) return date;
            current = parents.GetValueOrDefault(current);
        }
        return null;
    }

    public static async Task<FocalPointRegistration> ViewAsync(NotificationsDbContext db, string tenant, string framework, string unit,
        DateTimeOffset now, CancellationToken ct)
    {
        var people = await db.Set<FocalPoint>().AsNoTracking().Where(f => f.Tenant == tenant && f.Unit == unit && f.Framework == framework)
            .OrderBy(f => f.Ordinal).Select(f => new FocalPerson(f.Name, f.Position, f.Email, f.Phone)).ToListAsync(ct);
        var state = await db.Set<FocalPointRegistrationState>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Tenant == tenant && r.Unit == unit && r.Framework == framework, ct);
        var due = await DueDateAsync(db, tenant, framework, unit, ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        var unitName = (await db.UnitNamesAsync(tenant, [unit], ct)).GetValueOrDefault(unit, unit);
        return new FocalPointRegistration(unit, unitName, framework, await FrameworkNames.NameAsync(db, tenant, framework, ct), people,
            due is { } d ? FocalPointRules.FormatDate(d) : null, due is { } late && today > late && people.Count == 0,
            state?.UpdatedAt, state is null ? null : state.UpdatedByName ?? state.UpdatedBy);
    }

    public static async Task<int> VersionAsync(NotificationsDbContext db, string tenant, string framework, string unit, CancellationToken ct) =>
        await db.Set<FocalPointRegistrationState>().AsNoTracking()
            .Where(r => r.Tenant == tenant && r.Unit == unit && r.Framework == framework).Select(r => (int?)r.Version).SingleOrDefaultAsync(ct) ?? 0;

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex FrameworkId();
}
