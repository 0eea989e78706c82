using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Tests.Submissions;
using Platform.Intake.Tests.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Assignments;

/// <summary>The DTI table of seed 004 (Decision 1474/QĐ-UBND of Vĩnh Long, applied to Lào Cai and Thanh Hóa).</summary>
public sealed class DtiAssignmentTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Read by hand from seed 004 (004_17c412499ae72b5f.txt):
    //   4.1 «Tỷ lệ sở, ban, ngành, xã có bộ phận/đầu mối thực hiện nhiệm vụ chuyển đổi số»: chủ trì Sở Nội vụ; phối hợp
    //       các sở, ban, ngành tỉnh, UBND các xã, phường; «Hàng quý».
    //   5.1 «Tỷ lệ hệ thống thông tin được xác định và phê duyệt cấp độ an toàn»: chủ trì Công an tỉnh; «Thường xuyên».
    //   7.3 «Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử»: chủ trì Sở Công Thương; phối hợp Thống kê tỉnh, Công ty Điện lực
    //       tỉnh, Sở Tài chính, Sở Nông nghiệp và MT; «Hằng năm». (Thống kê tỉnh → Bộ Tài chính; Điện lực: not a unit.)
    [Theory]
    [InlineData("lao-cai", "4.1.a", "lao-cai.so-nv", "quarterly")]
    [InlineData("lao-cai", "5.1.a", "lao-cai.cong-an", "continuous")]
    [InlineData("lao-cai", "7.3.a", "lao-cai.so-ct", "annual")]
    [InlineData("lao-cai", "1.4.section", "lao-cai.bao-ptth", "annual")]
    [InlineData("thanh-hoa", "4.1.a", "thanh-hoa.so-nv", "quarterly")]
    [InlineData("thanh-hoa", "7.3.a", "thanh-hoa.so-ct", "annual")]
    public async Task The_seeded_dti_table_names_the_lead_agency_of_seed_004(string province, string input, string lead, string frequency)
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "dtilead");
        await using (var seeding = database.Context()) await AssignmentSeeder.SeedAsync(seeding, UnitsDatabase.Tenant, TimeProvider.System, Ct);

        await using var db = database.Context();
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.FrameworkId == "dti-province-405" && a.TargetUnit == province && a.InputKeys.Contains(input)).ToListAsync(Ct);
        var leads = rows.Where(a => a.Role == AssignmentRoles.Lead).ToList();
        Assert.Equal([(lead, frequency)], leads.Select(a => (a.ReportingUnit, a.Frequency)));
        if (input == "7.3.a")
        {
            Assert.Equal(["btc", $"{province}.so-nnmt", $"{province}.so-tc"],
                rows.Where(a => a.Role == AssignmentRoles.Cooperating).Select(a => a.ReportingUnit).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Every_shipped_table_is_seeded_once_and_thanh_hoa_gets_its_it_centre_for_c2()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "dtiseed");
        await using (var db = database.Context())
        {
            var added = await AssignmentSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, Ct);
            Assert.Equal(AssignmentSeeder.ShippedAssignments().Count, added);
            Assert.Equal(0, await AssignmentSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, Ct));
        }

        await using var check = database.Context();
        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"], await check.Assignments.Select(a => a.FrameworkId).Distinct().OrderBy(f => f).ToListAsync(Ct));
        var c2 = await check.Assignments.SingleAsync(a => a.FrameworkId == "monthly-4585" && a.TargetUnit == "thanh-hoa" && a.InputKeys.Contains("C2.transactions"), Ct);
        Assert.Equal("thanh-hoa.tt-cntt", c2.ReportingUnit);
    }

    [Fact]
    public async Task What_do_I_owe_for_so_noi_vu_lists_its_dti_inputs()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "dtimine");
        using var homeAffairs = host.Client(new TestUser("bao-cao.so-nv.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-nv"));

        var owed = await homeAffairs.GetFromJsonAsync<OwedInputs>("/api/intake/assignments/mine?framework=dti-province-405&period=2025", SubmissionCalls.Json, Ct);

        var lead = owed!.Inputs.Where(i => i.Role == AssignmentRoles.Lead).Select(i => i.Key).ToList();
        // Seed 004: Sở Nội vụ leads 4.1, 4.2, 4.3 and the general information on agencies, civil servants and public employees.
        Assert.Superset(new HashSet<string> { "4.1.a", "4.2.a", "4.2.b", "4.3.a", "info.agencies", "info.civilServants", "info.publicEmployees" }, lead.ToHashSet());
        Assert.DoesNotContain("5.1.a", lead);
        // …and, as one of «các sở, ban, ngành tỉnh», cooperates on 1.1 (lead: Sở KHCN).
        Assert.Contains(owed.Inputs, i => i.Key == "1.1.chair" && i.Role == AssignmentRoles.Cooperating);
        Assert.All(owed.Inputs, i => Assert.Equal("lao-cai", i.TargetUnit));
        Assert.Equal(owed.Inputs.Count, owed.Inputs.Select(i => i.Key).Distinct().Count());
    }
}
