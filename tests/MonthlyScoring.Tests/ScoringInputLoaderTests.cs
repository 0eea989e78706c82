using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
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

    private static ApprovedValue Value(string period, string unit, string key, string json) => new()
    {
        Tenant = "national", FrameworkId = "monthly-4585", Period = period, Unit = unit, InputKey = key, ValueJson = json,
        FrameworkVersion = "v", SubmissionId = Guid.NewGuid(), SubmissionRevision = 3, ReportingUnit = unit,
        ApprovedAt = DateTimeOffset.UtcNow,
    };
}
