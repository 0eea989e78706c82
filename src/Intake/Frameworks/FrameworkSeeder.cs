using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Data;
using Platform.Scoring;

namespace Platform.Intake.Frameworks;

/// <summary>
/// Records the framework versions shipped with the release (<c>src/Scoring/Frameworks/*.json</c>) that the store does
/// not hold yet, at start-up after the migrations, and announces each (<see cref="FrameworkVersionPublished"/>).
/// A version already stored is left alone: the store, not the build, is the record.
/// </summary>
public sealed partial class FrameworkSeeder(IServiceProvider services, IOptions<IntakeOptions> options, TimeProvider time, ILogger<FrameworkSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var added = await SeedAsync(db, options.Value.Tenant, time, cancellationToken);
        if (added > 0) LogSeeded(logger, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>How many versions were recorded.</returns>
    public static async Task<int> SeedAsync(IntakeDbContext db, string tenant, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Replicas starting together queue here (and behind an upload); the later ones find every version present.
        await FrameworkVersionStore.LockAsync(db, ct);
        var known = (await db.FrameworkVersions.Select(v => new { v.FrameworkId, v.Version }).ToListAsync(ct))
            .Select(v => (v.FrameworkId, v.Version)).ToHashSet();
        var added = 0;
        foreach (var json in FrameworkCatalog.ShippedFiles())
        {
            var definition = FrameworkCatalog.Parse(json);
            if (known.Contains((definition.Id, definition.Version))) continue;
            FrameworkVersionStore.Add(db, tenant, definition, json, FrameworkVersionSources.Shipped, "system", time);
            added++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} shipped framework version(s)")]
    private static partial void LogSeeded(ILogger logger, int count);
}
