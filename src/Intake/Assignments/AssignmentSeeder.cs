using Platform.Scoring;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.Intake.Units;

namespace Platform.Intake.Assignments;

/// <summary>
/// Registers the default assignment tables shipped with the service (<c>Assignments/Data/*.csv</c>, embedded)
/// at start-up, after the units. A (framework, reporting unit, target unit, role, frequency) already present — even if an
/// administrator has edited it since — is left alone, so edits survive restarts and upgrades.
/// </summary>
public sealed partial class AssignmentSeeder(IServiceProvider services, IOptions<IntakeOptions> options, TimeProvider time, ILogger<AssignmentSeeder> logger) : IHostedService
{
    public const string ResourcePrefix = "Platform.Intake.Assignments.Data.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var added = await SeedAsync(db, options.Value.Tenant, time, cancellationToken);
        if (added > 0) LogSeeded(logger, added, options.Value.Tenant);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>How many assignments were registered.</returns>
    public static async Task<int> SeedAsync(IntakeDbContext db, string tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var rows = ShippedAssignments();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting together queue here; the later ones find every assignment present.
        var key = Platform.DataAndMessaging.Database.PostgresDatabase.AdvisoryKey("assignments:" + tenant);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        var known = (await db.Assignments.Where(a => a.Tenant == tenant)
                .Select(a => new { a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.Role, a.Frequency }).ToListAsync(cancellationToken))
            .Select(a => (a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.Role, a.Frequency)).ToHashSet();
        var units = await db.OrganisationUnits.Where(u => u.Tenant == tenant).Select(u => u.Code).Distinct().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var missing = rows.Where(r => !known.Contains((r.FrameworkId, r.ReportingUnit, r.TargetUnit, r.Role, r.Frequency))
                                      && units.Contains(r.ReportingUnit) && units.Contains(r.TargetUnit)).ToList();
        foreach (var r in missing)
            db.Assignments.Add(Assignment.Create(tenant, r.FrameworkId, r.ReportingUnit, r.TargetUnit, r.InputKeys, r.Frequency, r.Role, r.ValidFrom, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return missing.Count;
    }

    /// <summary>The shipped tables, with input patterns (<c>A.*</c>) expanded against the framework definitions.</summary>
    public static IReadOnlyList<ShippedAssignment> ShippedAssignments()
    {
        var assembly = typeof(AssignmentSeeder).Assembly;
        // The tables were written against the shipped framework versions, whatever versions were added since.
        var shipped = FrameworkCatalog.Shipped();
        var result = new List<ShippedAssignment>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var (line, row) in lines.Skip(1).Select((l, i) => (l, i + 2)))
                result.Add(Parse(shipped, name, row, line.Split(',')));
        }
        return result;
    }

    // The shipped tables are part of the build, so a broken row is a bug, not bad input.
    private static ShippedAssignment Parse(FrameworkCatalog shipped, string resource, int row, string[] f)
    {
        if (f.Length != 7) throw Broken(resource, row, "expected 7 columns");
        var inputs = InputPatterns.KeysOf(shipped, f[0]);
        if (inputs.Count == 0) throw Broken(resource, row, $"unknown framework {f[0]}");
        var (keys, unmatched) = InputPatterns.Expand(inputs, f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (unmatched.Count > 0) throw Broken(resource, row, $"{string.Join(", ", unmatched)} matches no input of {f[0]}");
        if (!AssignmentFrequencies.All.Contains(f[4])) throw Broken(resource, row, $"unknown frequency {f[4]}");
        if (f[5] is not (AssignmentRoles.Lead or AssignmentRoles.Cooperating)) throw Broken(resource, row, $"unknown role {f[5]}");
        return new ShippedAssignment(f[0], f[1], f[2], keys, f[4], f[5], DateOnly.ParseExact(f[6], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static InvalidOperationException Broken(string resource, int row, string why) =>
        new($"The shipped {resource} is invalid at row {row}: {why}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} shipped assignment(s) for tenant {Tenant}")]
    private static partial void LogSeeded(ILogger logger, int count, string tenant);
}

public sealed record ShippedAssignment(string FrameworkId, string ReportingUnit, string TargetUnit, IReadOnlyList<string> InputKeys,
    string Frequency, string Role, DateOnly ValidFrom);
