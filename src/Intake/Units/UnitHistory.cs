using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.DataAndMessaging.Database;

namespace Platform.Intake.Units;

/// <summary>Which revision of each unit applies: now, or on a given day.</summary>
public static class UnitHistory
{
    public static IQueryable<OrganisationUnit> Current(this IQueryable<OrganisationUnit> units, string tenant) =>
        units.Where(u => u.Tenant == tenant && u.ValidTo == null);

    public static IQueryable<OrganisationUnit> AsOf(this IQueryable<OrganisationUnit> units, string tenant, DateOnly day) =>
        units.Where(u => u.Tenant == tenant && u.ValidFrom <= day && (u.ValidTo == null || day < u.ValidTo));

    /// <summary>Today's date in Vietnam (UTC+7, no daylight saving): validity dates are Vietnamese dates.</summary>
    public static DateOnly TodayInVietnam(this TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>
    /// Serialises writers of a tenant's unit directory (the seeder of every replica, imports) until the
    /// caller's transaction ends, so two of them never register the same code or revise the same unit.
    /// </summary>
    public static async Task LockDirectoryAsync(IntakeDbContext db, string tenant, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Lock the unit directory inside a transaction.");
        var key = PostgresDatabase.AdvisoryKey("organisation-units:" + tenant);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }
}
