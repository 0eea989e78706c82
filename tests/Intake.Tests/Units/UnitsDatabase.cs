using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

/// <summary>A migrated Intake database of its own, optionally holding the shipped units.</summary>
internal sealed class UnitsDatabase(string connectionString)
{
    public const string Tenant = "national";

    public string ConnectionString => connectionString;

    public static async Task<UnitsDatabase> CreateAsync(PlatformInfrastructure infrastructure, string prefix, bool seeded = true)
    {
        var database = new UnitsDatabase(await infrastructure.CreateDatabaseAsync(prefix));
        await using var db = database.Context();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        if (seeded) await UnitSeeder.SeedAsync(db, Tenant, TimeProvider.System, TestContext.Current.CancellationToken);
        return database;
    }

    public IntakeDbContext Context() =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(connectionString).Options);

    public async Task<int> OutboxCountAsync(string eventName = "OrganisationUnitRegistered")
    {
        await using var db = Context();
        return await db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM outbox_messages WHERE message_type LIKE {"%." + eventName + ",%"}")
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>A clock standing still at a chosen moment.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime OnVietnamDate(int year, int month, int day) =>
        new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(7)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
