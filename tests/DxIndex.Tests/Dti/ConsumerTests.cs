using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Inputs;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti;

public sealed class ConsumerTests(PlatformInfrastructure infrastructure)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Departments_of_one_province_each_feed_their_own_inputs_and_a_later_revision_replaces_its_submissions_values()
    {
        await using var host = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "dti-approved");
        var statistics = Guid.NewGuid();
        var science = Guid.NewGuid();
        await host.DeliverAsync(Approved(statistics, 1, "lao-cai.thong-ke", T0, new() { ["info.population"] = 770000, ["info.villages"] = 1500 }));
        await host.DeliverAsync(Approved(science, 1, "lao-cai.so-khcn", T0.AddHours(1), new() { ["1.1.chair"] = true, ["3.5.dc"] = "standard" }));
        Assert.Equal("1.1.chair=true@lao-cai.so-khcn|3.5.dc=\"standard\"@lao-cai.so-khcn|info.population=770000@lao-cai.thong-ke|info.villages=1500@lao-cai.thong-ke",
            await DescribeAsync(host));

        // Revision 2 of the statistics office's submission: a new population, villages no longer reported (removed).
        var id = await host.DeliverAsync(Approved(statistics, 2, "lao-cai.thong-ke", T0.AddDays(1), new() { ["info.population"] = 780000 }));
        // The same message again, and revision 1 arriving late: nothing changes.
        await host.DeliverAsync(Approved(statistics, 2, "lao-cai.thong-ke", T0.AddDays(1), new() { ["info.population"] = 1 }), id);
        await host.DeliverAsync(Approved(statistics, 1, "lao-cai.thong-ke", T0, new() { ["info.population"] = 2 }));
        Assert.Equal("1.1.chair=true@lao-cai.so-khcn|3.5.dc=\"standard\"@lao-cai.so-khcn|info.population=780000@lao-cai.thong-ke", await DescribeAsync(host));

        // Another framework's approval is acknowledged and ignored.
        await host.DeliverAsync(Approved(Guid.NewGuid(), 1, "lao-cai", T0.AddDays(2), new() { ["A.due"] = 3 }) with { FrameworkId = "monthly-4585", Period = "2026-02" });
        await using var db = host.Db();
        Assert.Equal(3, await db.Set<DtiApprovedValue>().CountAsync(Ct));
    }

    [Fact]
    public async Task A_real_approval_replaces_the_illustrative_values_of_its_province_and_year_only()
    {
        await using var host = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "dti-demo-replaced");
        await using (var seed = host.Db())
        {
            foreach (var (unit, year) in new[] { ("lao-cai", "2025"), ("lao-cai", "2026"), ("ha-noi", "2025") })
            {
                seed.Set<DtiApprovedValue>().AddRange(new[] { "info.population", "1.1.chair" }.Select(key => new DtiApprovedValue
                {
                    Tenant = "national", FrameworkId = "dti-province-405", Year = year, Unit = unit, InputKey = key, ValueJson = "1",
                    FrameworkVersion = "v", ReportingUnit = unit, ApprovedAt = T0, Demo = true,
                }));
            }
            await seed.SaveChangesAsync(Ct);
        }
        await host.DeliverAsync(Approved(Guid.NewGuid(), 1, "lao-cai.so-khcn", T0, new() { ["1.2.a"] = 3 }));

        await using var db = host.Db();
        var rows = await db.Set<DtiApprovedValue>().OrderBy(v => v.Unit).ThenBy(v => v.Year).ThenBy(v => v.InputKey)
            .Select(v => $"{v.Unit}/{v.Year}/{v.InputKey}/{(v.Demo ? "demo" : "real")}").ToListAsync(Ct);
        Assert.Equal(["ha-noi/2025/1.1.chair/demo", "ha-noi/2025/info.population/demo", "lao-cai/2025/1.2.a/real",
            "lao-cai/2026/1.1.chair/demo", "lao-cai/2026/info.population/demo"], rows);
    }

    [Fact]
    public async Task The_year_closed_at_national_level_is_recorded_once_and_other_levels_or_frameworks_are_not()
    {
        await using var host = await DxIndexHost.StartOnSystemClockAsync(infrastructure, "dti-closed");
        var closed = new PeriodClosed("national", "dti-province-405", "405/QĐ-BKHCN (03/4/2025)", "2025", "to-national", T0, T0.AddMinutes(1));
        var id = await host.DeliverAsync(closed);
        await host.DeliverAsync(closed, id);
        await host.DeliverAsync(closed with { Period = "2026", Level = "agency-to-province" });
        await host.DeliverAsync(closed with { FrameworkId = "monthly-4585", Period = "2026-02" });
        await using var db = host.Db();
        Assert.Equal(["2025"], await db.Set<DtiClosedYear>().Select(c => c.Year).ToListAsync(Ct));
    }

    private static SubmissionApproved Approved(Guid submission, int revision, string reporting, DateTimeOffset at, Dictionary<string, object> values) =>
        new(submission, "national", "dti-province-405", "405/QĐ-BKHCN (03/4/2025)", "2025", reporting, "lao-cai",
            values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)), false, "reviewer", revision, at);

    private static async Task<string> DescribeAsync(ServiceHost<Program, DxIndexDbContext> host)
    {
        await using var db = host.Db();
        var rows = await db.Set<DtiApprovedValue>().Where(v => v.Unit == "lao-cai" && v.Year == "2025").OrderBy(v => v.InputKey).ToListAsync(Ct);
        return string.Join("|", rows.Select(r => $"{r.InputKey}={r.ValueJson}@{r.ReportingUnit}"));
    }
}
