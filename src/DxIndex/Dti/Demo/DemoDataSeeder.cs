using Platform.DataAndMessaging.Database;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Inputs;
using Platform.Scoring;

namespace Platform.DxIndex.Dti.Demo;

/// <summary>
/// With <c>DxIndex:Dti:DemoData=true</c>, stores illustrative approved values ("dữ liệu minh họa") of year 2025 for three
/// provinces — Hà Nội, Đà Nẵng and Cần Thơ, none of those the browser tests use — so a new user sees a filled provisional
/// ranking. Every row is marked <c>demo</c>: answers flag it, publication never scores it, and the first real approval of
/// a province and year replaces it. A province that already has values for the year (real or illustrative) is left alone,
/// so restarts and real data survive.
/// </summary>
public sealed partial class DemoDataSeeder(IServiceProvider services, IOptions<DxIndexOptions> options, IOptions<DtiOptions> dti,
    TimeProvider time, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string Year = "2025";

    /// <summary>The illustrative provinces and how far along each is (a share of every target it reaches).</summary>
    public static readonly IReadOnlyList<(string Unit, decimal Level)> Provinces = [("ha-noi", 0.9m), ("da-nang", 0.8m), ("can-tho", 0.6m)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!dti.Value.DemoData) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxIndexDbContext>();
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkCatalog>();
        var added = await SeedAsync(db, options.Value.Tenant, frameworks, time, cancellationToken);
        if (added > 0) LogSeeded(logger, added, Year);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>How many provinces got illustrative values.</returns>
    public static async Task<int> SeedAsync(DxIndexDbContext db, string tenant, FrameworkCatalog frameworks, TimeProvider time, CancellationToken ct)
    {
        var framework = frameworks.Find(DtiOptions.FrameworkId, null, Year)
            ?? throw new InvalidOperationException($"No version of {DtiOptions.FrameworkId} is in force for {Year}: the illustrative values cannot be stored.");
        var values = db.Set<DtiApprovedValue>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Replicas starting together queue here; the later ones find the provinces taken (no duplicate-key failure at start).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey("dti-demo:" + tenant)})", ct);
        var taken = await values.Where(v => v.Tenant == tenant && v.FrameworkId == DtiOptions.FrameworkId && v.Year == Year)
            .Select(v => v.Unit).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var (unit, level) in Provinces.Where(p => !taken.Contains(p.Unit)))
        {
            foreach (var (key, value) in Values(level))
            {
                values.Add(new DtiApprovedValue
                {
                    Tenant = tenant, FrameworkId = DtiOptions.FrameworkId, Year = Year, Unit = unit, InputKey = key,
                    ValueJson = JsonSerializer.Serialize(value), FrameworkVersion = framework.Version, SubmissionId = Guid.Empty,
                    SubmissionRevision = 0, ReportingUnit = unit, ApprovedAt = time.GetUtcNow(), Demo = true,
                });
            }
            added++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <summary>A plausible province reaching <paramref name="level"/> of each target (every input of the framework).</summary>
    public static IReadOnlyDictionary<string, object> Values(decimal level)
    {
        long Of(decimal total) => (long)Math.Round(total * level, MidpointRounding.AwayFromZero);
        var strong = level >= 0.8m;
        var v = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["info.population"] = 2_000_000, ["info.population15"] = 1_500_000, ["info.households"] = 600_000, ["info.communes"] = 100,
            ["info.villages"] = 1_500, ["info.agencies"] = 20, ["info.civilServants"] = 6_000, ["info.publicEmployees"] = 30_000,
            ["info.physicalServers"] = 200, ["info.workstations"] = 20_000, ["info.informationSystems"] = 40, ["info.enterprises"] = 20_000,
            ["info.smes"] = 19_000, ["info.postalPoints"] = 200, ["info.dxBudget"] = 150m, ["info.procedures"] = 1_800,
            ["1.1.chair"] = true, ["1.1.active"] = true, ["1.2.a"] = strong ? 4 : 3, ["1.2.b"] = 4,
            ["1.3.section"] = true, ["1.3.posts"] = Of(60), ["1.4.section"] = true, ["1.4.posts"] = Of(60),
            ["1.5.section"] = strong, ["1.5.broadcasts"] = Of(14),
            ["2.1.issued"] = true, ["2.2.issued"] = true, ["2.3.issued"] = strong, ["2.4.fees"] = true, ["2.4.time"] = strong,
            ["3.1.a"] = Of(1_500), ["3.2.a"] = Of(1_450), ["3.3.a"] = Of(1_400_000), ["3.4.a"] = Of(560_000),
            ["3.5.dc"] = strong ? "standard" : "nonstandard", ["3.5.a"] = Of(20), ["3.5.b"] = 20, ["3.6.a"] = Of(7),
            ["3.7.civil"] = true, ["3.7.citizen"] = strong, ["3.7.advanced"] = level >= 0.9m,
            ["4.1.a"] = strong ? 120 : 100, ["4.2.a"] = Of(2_000), ["4.2.b"] = Of(1_700), ["4.3.a"] = Of(400), ["4.4.a"] = Of(30_000),
            ["4.5.a"] = Of(110_000), ["4.6.a"] = Of(1_000_000),
            ["5.1.a"] = Of(40), ["5.2.a"] = Of(30), ["5.2.b"] = 30, ["5.3.a"] = Of(40), ["5.4.a"] = Of(10), ["5.4.b"] = 10,
            ["5.5.a"] = Of(10), ["5.5.b"] = 10, ["5.6.a"] = Of(40), ["5.7.certified"] = true, ["5.8.certified"] = strong,
            ["6.1.c1"] = true, ["6.1.c2"] = true, ["6.1.c3"] = strong, ["6.1.c4"] = level >= 0.9m, ["6.2.level"] = strong ? "A" : "B",
            ["6.3.a"] = Of(50), ["6.3.b"] = 50, ["6.4.a"] = Of(1_300), ["6.4.b"] = 1_800,
            ["6.5.a"] = 1_000_000, ["6.5.b"] = Of(500_000), ["6.5.c"] = Of(300_000), ["6.6.a"] = 1_000_000, ["6.6.b"] = Of(650_000),
            ["6.7.a"] = Of(700_000), ["6.7.b"] = Of(15_000), ["6.7.c"] = 1_000_000, ["6.7.d"] = 20_000,
            ["6.8.a"] = 10_000, ["6.8.b"] = Of(9_500), ["6.8.c"] = 2_000, ["6.8.d"] = Of(1_900),
            ["6.9.a"] = Of(300m), ["6.9.b"] = Of(100m), ["6.9.c"] = 50_000m,
            ["7.1.a"] = Of(40_000m), ["7.1.b"] = 200_000m, ["7.2.a"] = Of(1_000), ["7.3.a"] = Of(16_000), ["7.4.a"] = Of(100),
            ["7.5.a"] = Of(20_000), ["8.1.a"] = Of(1_500_000), ["8.1.b"] = 1_550_000, ["8.2.a"] = Of(750_000), ["8.2.b"] = 1_550_000,
            ["8.3.a"] = Of(1_400_000),
        };
        return v.ToDictionary(e => e.Key, e => e.Value is long l ? (object)(decimal)l : e.Value is int i ? (decimal)i : e.Value, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Illustrative DTI values (dữ liệu minh họa) stored for {Count} provinces, year {Year}")]
    private static partial void LogSeeded(ILogger logger, int count, string year);
}
