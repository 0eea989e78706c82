using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.Scoring.Io;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests;

public sealed class ScoringInputLoaderTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_peer_group_is_loaded_with_values_previous_month_bonus_and_what_is_missing()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<MonthlyScoringDbContext>()
            .UseNpgsql(await infrastructure.CreateDatabaseAsync("loader")).Options;
        await using var db = new MonthlyScoringDbContext(options);
        await db.Database.MigrateAsync(ct);
        db.Units.AddRange(
            new KnownUnit { Tenant = "national", Code = "lao-cai", Name = "Tỉnh Lào Cai", Kind = "province", PeerGroups = ["provinces"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "thanh-hoa", Name = "Tỉnh Thanh Hóa", Kind = "province", PeerGroups = ["provinces"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "bo-khcn", Name = "Bộ KHCN", Kind = "ministry", PeerGroups = ["ministries"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "cu", Name = "Tỉnh đã sáp nhập", Kind = "province", PeerGroups = ["provinces"], ValidTo = new DateOnly(2026, 1, 1), Revision = 2 });
        db.ApprovedValues.AddRange(
            Value("2026-02", "lao-cai", "A.due", "10"), Value("2026-02", "lao-cai", "E3.onTime", "true"),
            Value("2026-01", "lao-cai", "A.backlog", "3"), Value("2026-01", "thanh-hoa", "A.due", "4"),
            Value("2026-02", "bo-khcn", "A.due", "7"));
        await db.SaveChangesAsync(ct);

        var framework = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-02")!;
        var set = await ScoringInputLoader.LoadAsync(db, "national", framework, "2026-02", "provinces", new Dictionary<string, decimal> { ["lao-cai"] = 2 }, ct);

        // The merged unit (gone before February) and the ministry are not in the group; Thanh Hóa reported nothing this month.
        Assert.Equal(["lao-cai", "thanh-hoa"], set.Request.Units.Select(u => u.Unit));
        var laoCai = set.Request.Units[0];
        Assert.Equal((10m, true, 2m), ((decimal)laoCai.Values["A.due"], (bool)laoCai.Values["E3.onTime"], laoCai.Bonus));
        Assert.Equal(3m, laoCai.Previous!["A.backlog"]);
        Assert.Empty(set.Request.Units[1].Values);
        Assert.Equal(framework.Inputs.Count, set.Missing.Count(m => m.Unit == "thanh-hoa"));
        Assert.Equal(framework.Inputs.Count - 2, set.Missing.Count(m => m.Unit == "lao-cai"));
    }

    /// <summary>
    /// The loader reads the approved values with one plain reader instead of entity queries (issue 18); the input
    /// document it leads to, the stored <c>InputJson</c>, is byte for byte what the entity query before it produced, for
    /// numbers of every shape, booleans, choices, JSON null, unknown inputs, the previous month and a merged unit.
    /// </summary>
    [Fact]
    public async Task The_input_document_is_byte_identical_to_what_the_entity_query_loader_produced()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<MonthlyScoringDbContext>()
            .UseNpgsql(await infrastructure.CreateDatabaseAsync("loader-same")).Options;
        await using var db = new MonthlyScoringDbContext(options);
        await db.Database.MigrateAsync(ct);
        string[] shapes = ["0", "10", "0.10", "1.5", "12345678901234.5678", "-3", "1e2", "true", "false", "\"A\"", "null", "\"Hà Nội\""];
        var random = new Random(4585);
        var framework = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-02")!;
        var keys = framework.Inputs.Select(i => i.Key).Append("Z.unknown").ToArray();
        for (var u = 0; u < 300; u++)
        {
            var code = $"u-{u:000}";
            db.Units.Add(new KnownUnit { Tenant = "national", Code = code, Name = code, Kind = "province", PeerGroups = u % 7 == 0 ? ["provinces", "x"] : ["provinces"],
                ValidTo = u % 50 == 0 ? new DateOnly(2026, 1, 15) : null, Revision = 1 });
            foreach (var key in keys)
            {
                if (random.Next(10) == 0) continue;
                db.ApprovedValues.Add(Value("2026-02", code, key, shapes[random.Next(shapes.Length)]));
                if (random.Next(3) == 0) db.ApprovedValues.Add(Value("2026-01", code, key, shapes[random.Next(shapes.Length)]));
            }
            db.ApprovedValues.Add(Value("2026-03", code, "A.due", "99"));
        }
        db.Units.Add(new KnownUnit { Tenant = "national", Code = "b-1", Name = "Bộ", Kind = "ministry", PeerGroups = ["ministries"], Revision = 1 });
        db.ApprovedValues.Add(Value("2026-02", "b-1", "A.due", "7"));
        await db.SaveChangesAsync(ct);
        var bonuses = new Dictionary<string, decimal> { ["u-001"] = 2, ["u-002"] = 5 };

        var set = await ScoringInputLoader.LoadAsync(db, "national", framework, "2026-02", "provinces", bonuses, ct);
        var before = await EntityQueryLoader.LoadAsync(db, "national", framework, "2026-02", "provinces", bonuses, ct);

        Assert.Equal(ScoringRunJson.WriteInputToString(framework, before.Request), ScoringRunJson.WriteInputToString(framework, set.Request));
        Assert.Equal(before.Missing, set.Missing);
        Assert.Equal(294, set.Request.Units.Count);
    }

    private static ApprovedValue Value(string period, string unit, string key, string json) => new()
    {
        Tenant = "national", FrameworkId = "monthly-4585", Period = period, Unit = unit, InputKey = key, ValueJson = json,
        FrameworkVersion = "v", SubmissionId = Guid.NewGuid(), SubmissionRevision = 3, ReportingUnit = unit,
        ApprovedAt = DateTimeOffset.UtcNow,
    };
}
