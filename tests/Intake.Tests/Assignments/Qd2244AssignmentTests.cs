using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Tests.Submissions;
using Platform.Intake.Tests.Units;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Assignments;

/// <summary>
/// The QĐ 2244 table (<c>qd2244-annual.csv</c>): the provincial agency that leads each of the 46 criteria in Lào Cai and
/// Thanh Hóa (seed 002's plan: "các cơ quan, đơn vị chủ trì … thu thập, tổng hợp số liệu theo từng nhóm tiêu chí, chỉ
/// tiêu được phân công"), which the province's framework administrator may change.
/// </summary>
public sealed class Qd2244AssignmentTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("lao-cai")]
    [InlineData("thanh-hoa")]
    public async Task Every_one_of_the_46_criteria_has_exactly_one_lead_agency_of_the_province(string province)
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "qd2244lead");
        await using (var seeding = database.Context()) await AssignmentSeeder.SeedAsync(seeding, UnitsDatabase.Tenant, TimeProvider.System, Ct);

        await using var db = database.Context();
        var rows = await db.Assignments.AsNoTracking().Where(a => a.FrameworkId == "qd2244-annual" && a.TargetUnit == province).ToListAsync(Ct);
        var leads = rows.SelectMany(a => a.InputKeys.Select(k => (Key: k, a.ReportingUnit, a.Role, a.Frequency))).ToList();
        Assert.Equal(46, leads.Count);
        Assert.Equal(46, leads.Select(l => l.Key).Distinct().Count());
        Assert.All(leads, l => Assert.Equal(("lead", "annual"), (l.Role, l.Frequency)));
        Assert.All(leads, l => Assert.StartsWith(province + ".", l.ReportingUnit, StringComparison.Ordinal));
        // The provincial counterpart of the central lead agency; central figures (international indices) are entered by Sở KHCN.
        string Lead(string key) => leads.Single(l => l.Key == key).ReportingUnit;
        Assert.Equal($"{province}.so-khcn", Lead("0101"));
        Assert.Equal($"{province}.so-tc", Lead("0303"));
        Assert.Equal($"{province}.so-yt", Lead("0413"));
        Assert.Equal($"{province}.cong-an", Lead("0418"));
        Assert.Equal($"{province}.tt-pvhcc", Lead("0423"));
        Assert.Equal($"{province}.so-khcn", Lead("0427"));
        Assert.Equal($"{province}.so-khcn", Lead("0429"));
    }

    [Fact]
    public async Task The_provinces_framework_administrator_moves_a_criterion_to_another_agency()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "qd2244edit");
        using var admin = host.Client(AssignmentCalls.ThanhHoaAdmin);
        var assignments = await admin.AssignmentsAsync("framework=qd2244-annual&targetUnit=thanh-hoa");
        var scienceAndTechnology = assignments.Single(a => a.ReportingUnit == "thanh-hoa.so-khcn");
        var zones = await admin.PostAsJsonAsync("/api/intake/assignments", new
        {
            framework = "qd2244-annual", reportingUnit = "thanh-hoa.bql-kkt", targetUnit = "thanh-hoa", inputKeys = new[] { "0404" },
            frequency = "annual", role = "lead", validFrom = "2026-01-01",
        }, Ct);
        var edited = await admin.EditAssignmentAsync(scienceAndTechnology,
            new { inputKeys = scienceAndTechnology.InputKeys.Where(k => k != "0404").ToArray() });

        Assert.Equal(HttpStatusCode.Created, zones.StatusCode);
        Assert.DoesNotContain("0404", (await edited.ReadAssignmentAsync()).InputKeys);
        using var laoCaiAdmin = host.Client(AssignmentCalls.LaoCaiAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await laoCaiAdmin.EditAssignmentAsync(scienceAndTechnology, new { inputKeys = new[] { "0101" } })).StatusCode);
    }
}
