using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests;

/// <summary>
/// Monthly scoring as its tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>: a database and virtual host of
/// its own, trusting test tokens), with the clock at 10:00 on 6 February 2026 in Vietnam (period 2026-01 is past its
/// national deadline), and the people who use it. Seed data goes in directly through the DbContext.
/// </summary>
internal static class MonthlyScoringHost
{
    public const string Tenant = "national";
    public const string Framework = "monthly-4585";
    public const string Period = "2026-01";
    public static readonly DateTimeOffset Now = new(2026, 2, 6, 3, 0, 0, TimeSpan.Zero);

    public static readonly TestUser Publisher = new("cong-bo.bo-khcn", [PlatformRoles.Publisher], OrgUnit: "vn");
    public static readonly TestUser Reviewer = new("tham-dinh.bo-khcn", [PlatformRoles.Reviewer], OrgUnit: "vn");
    public static readonly TestUser NationalLeader = new("lanh-dao.vn", [PlatformRoles.Leader], OrgUnit: "vn");
    public static readonly TestUser LaoCaiLeader = new("lanh-dao.lao-cai", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    /// <summary>The standing body of the Government's steering committee: records bonus decisions for the national ranking.</summary>
    public static readonly TestUser NationalApprover = new("thuong-truc.bcd", [PlatformRoles.BonusApprover], OrgUnit: "vn");

    /// <summary>Lào Cai's own steering committee: sends Lào Cai's proposals, decides none.</summary>
    public static readonly TestUser LaoCaiApprover = new("ban-chi-dao.lao-cai", [PlatformRoles.BonusApprover], OrgUnit: "lao-cai");

    public static Task<ServiceHost<Program, MonthlyScoringDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, MonthlyScoringDbContext>(infrastructure, MonthlyScoringModule.DatabaseName, prefix, now: Now);

    /// <summary>
    /// On the system clock, for the consumer and bonus tests: events go in through
    /// <see cref="ServiceHost{TProgram, TDbContext}.DeliverAsync{T}"/>, which waits until the service's consumer has finished
    /// with that message id, so duplicates and out-of-order deliveries are deterministic.
    /// </summary>
    public static Task<ServiceHost<Program, MonthlyScoringDbContext>> StartOnSystemClockAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, MonthlyScoringDbContext>(infrastructure, MonthlyScoringModule.DatabaseName, prefix);

    /// <summary>The national root <c>vn</c> and, under it, provinces with their approved values for <see cref="Period"/>.</summary>
    public static async Task SeedAsync(this ServiceHost<Program, MonthlyScoringDbContext> host, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> units)
    {
        await using var db = host.Db();
        db.Units.Add(new KnownUnit { Tenant = Tenant, Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 });
        foreach (var (unit, values) in units)
        {
            db.Units.Add(new KnownUnit { Tenant = Tenant, Code = unit, Name = unit, Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
            foreach (var (key, value) in values) db.ApprovedValues.Add(Value(unit, key, value));
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A later approval replacing one value.</summary>
    public static async Task CorrectAsync(this ServiceHost<Program, MonthlyScoringDbContext> host, string unit, string key, object value)
    {
        await using var db = host.Db();
        var row = await db.ApprovedValues.SingleAsync(v => v.Tenant == Tenant && v.Period == Period && v.Unit == unit && v.InputKey == key,
            TestContext.Current.CancellationToken);
        row.ValueJson = JsonSerializer.Serialize(value);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task CloseAsync(this ServiceHost<Program, MonthlyScoringDbContext> host, string level = "to-national")
    {
        await using var db = host.Db();
        db.ClosedPeriods.Add(new ClosedPeriod { Tenant = Tenant, FrameworkId = Framework, Period = Period, Level = level, DueAt = Now.AddDays(-1), ClosedAt = Now.AddDays(-1) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static ApprovedValue Value(string unit, string key, object value) => new()
    {
        Tenant = Tenant, FrameworkId = Framework, Period = Period, Unit = unit, InputKey = key, ValueJson = JsonSerializer.Serialize(value),
        FrameworkVersion = "4585/QĐ-BKHCN (30/12/2025)", SubmissionId = Guid.NewGuid(), SubmissionRevision = 2, ReportingUnit = unit,
        ApprovedAt = Now.AddDays(-2),
    };
}

/// <summary>A small, hand-checked peer group (worked out in <see cref="Runs.ScoreRunTests"/>).</summary>
internal static class Example
{
    /// <summary>The two provinces and Hà Giang, which reported nothing for the month.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> WithSilentProvince =>
        new Dictionary<string, IReadOnlyDictionary<string, object>>(Provinces) { ["ha-giang"] = new Dictionary<string, object>() };

    /// <summary>Lào Cai 71 (B) and Thanh Hóa 40 (D): <see cref="MonthlyExample.Provinces"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Provinces => MonthlyExample.Provinces;
}
