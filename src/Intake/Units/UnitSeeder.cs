using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.DataAndMessaging.Outbox;

namespace Platform.Intake.Units;

/// <summary>
/// Registers the units shipped with the service (<c>Units/Data/units.csv</c>, embedded) that the database
/// does not have yet, at start-up after the migrations. Units already present — even if renamed or
/// closed since — are left alone, so an operator's changes survive restarts and upgrades.
/// </summary>
public sealed partial class UnitSeeder(IServiceProvider services, IOptions<IntakeOptions> options, TimeProvider time, ILogger<UnitSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var added = await SeedAsync(db, options.Value.Tenant, time, cancellationToken);
        if (added > 0) LogSeeded(logger, added, options.Value.Tenant);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>How many units were registered.</returns>
    public static async Task<int> SeedAsync(IntakeDbContext db, string tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var rows = ShippedUnits();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting together queue here; the later ones find every unit present.
        await UnitHistory.LockDirectoryAsync(db, tenant, cancellationToken);
        var known = await db.OrganisationUnits.Where(u => u.Tenant == tenant).Select(u => u.Code).Distinct().ToListAsync(cancellationToken);
        var missing = rows.Where(r => !known.Contains(r.Details.Code)).ToList();
        foreach (var row in missing)
        {
            var unit = OrganisationUnit.Register(tenant, row.Details, row.ValidFrom ?? time.TodayInVietnam());
            db.OrganisationUnits.Add(unit);
            db.EnqueueEvent(unit.ToEvent(time), time);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return missing.Count;
    }

    /// <summary>The shipped directory; it is part of the build, so a broken file is a bug, not bad input.</summary>
    public static IReadOnlyList<UnitCsvRow> ShippedUnits()
    {
        using var stream = typeof(UnitSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(UnitSeeder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var (rows, problems) = UnitsCsv.Read(reader.ReadToEnd());
        problems.AddRange(UnitValidation.Validate(rows, new Dictionary<string, UnitDetails>(), DateOnly.MaxValue));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The shipped {ResourceName} is invalid: " +
                string.Join("; ", problems.Select(p => $"row {p.Row} {p.Column}: {p.Message}")));
        }
        return rows;
    }

    public const string ResourceName = "Platform.Intake.Units.Data.units.csv";

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} shipped organisation unit(s) for tenant {Tenant}")]
    private static partial void LogSeeded(ILogger logger, int count, string tenant);
}
