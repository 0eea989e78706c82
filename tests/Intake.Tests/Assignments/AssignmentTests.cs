using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.Intake.Tests.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Assignments;

public sealed class AssignmentTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_twice_registers_the_monthly_table_for_lao_cai_exactly_once()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "assignseed");
        await using (var db = database.Context())
        {
            await AssignmentSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, Ct);
            Assert.Equal(0, await AssignmentSeeder.SeedAsync(db, UnitsDatabase.Tenant, TimeProvider.System, Ct));
        }

        await using var check = database.Context();
        var laoCai = await check.Assignments.AsNoTracking()
            .Where(a => a.FrameworkId == "monthly-4585" && a.TargetUnit == "lao-cai").ToListAsync(Ct);
        var table = laoCai.ToDictionary(a => a.ReportingUnit, a => string.Join(" ", a.InputKeys));
        Assert.Equal(new Dictionary<string, string>
        {
            ["lao-cai.so-khcn"] = "A.due A.backlog A.onTime A.late D1.accepted D1.total E3.onTime E3.completion",
            ["lao-cai.tt-pvhcc"] = "B.B1 B.B2 B.B3 B.B4 B.B5",
            ["lao-cai.cong-an"] = "C1.records",
            ["lao-cai.tt-cntt"] = "C2.transactions",
            ["lao-cai.so-tc"] = "D2.rate",
            ["lao-cai.vp-ubnd"] = "E1.attended E1.held E2.speeches E2.reports",
        }, table);
        Assert.All(laoCai, a => Assert.Equal(("monthly", AssignmentRoles.Lead), (a.Frequency, a.Role)));
    }

    [Fact]
    public async Task What_do_I_owe_lists_the_inputs_of_so_khcn_with_the_deadline_of_the_3rd()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignmine");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var owed = await reporter.GetFromJsonAsync<OwedInputs>(
            "/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);

        Assert.Equal(["A.backlog", "A.due", "A.late", "A.onTime", "D1.accepted", "D1.total", "E3.completion", "E3.onTime"],
            owed!.Inputs.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.All(owed.Inputs, i =>
        {
            Assert.Equal("lao-cai", i.TargetUnit);
            // Before the 3rd of the next month, Vietnam time: 03/02/2026 00:00 (+07:00) = 02/02/2026 17:00 UTC.
            Assert.Equal(new DateTimeOffset(2026, 2, 2, 17, 0, 0, TimeSpan.Zero), i.DueAt);
            Assert.Equal("03/02/2026 00:00", i.DueAtVietnam);
            Assert.Equal(WhatIOwe.NotStarted, i.Status);
        });
        Assert.Equal("Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)", owed.Inputs.Single(i => i.Key == "A.due").Label);
    }

    [Fact]
    public async Task So_khcn_saves_its_assigned_inputs_for_the_province_but_not_another_agencys()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignsave");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var assigned = await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 10 }, targetUnit: "lao-cai");
        var foreign = await reporter.PutDraftAsync(new Dictionary<string, object> { ["B.B1"] = 12 }, targetUnit: "lao-cai");

        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var submitted = await (await reporter.ActAsync((await assigned.ReadAsync()).Id, "submit")).ReadAsync();
        Assert.Equal(SubmissionStates.Submitted, submitted.State);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var errors = (await foreign.ProblemAsync()).GetProperty("errors");
        Assert.Contains("không được giao cho đơn vị của bạn", errors.GetProperty("B.B1")[0].GetString(), StringComparison.Ordinal);

        var owed = await reporter.GetFromJsonAsync<OwedInputs>(
            "/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);
        Assert.All(owed!.Inputs, i => Assert.Equal(SubmissionStates.Submitted, i.Status));
    }

    [Fact]
    public async Task A_thanh_hoa_reporter_sees_no_lao_cai_assignment()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignforeign");
        using var foreign = host.Client(SubmissionsHost.ThanhHoaReporter);

        var list = (await foreign.GetFromJsonAsync<Paged<AssignmentView>>("/api/intake/assignments?framework=monthly-4585", SubmissionCalls.Json, Ct))!.Items;
        var owed = await foreign.GetFromJsonAsync<OwedInputs>(
            "/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);

        Assert.NotEmpty(list!);
        Assert.All(list!, a => Assert.StartsWith("thanh-hoa", a.ReportingUnit, StringComparison.Ordinal));
        Assert.All(list!, a => Assert.StartsWith("thanh-hoa", a.TargetUnit, StringComparison.Ordinal));
        Assert.All(owed!.Inputs, i => Assert.Equal("thanh-hoa", i.TargetUnit));
    }

    [Fact]
    public async Task A_framework_administrator_reassigns_inputs_and_a_reporter_may_not()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignedit");
        using var admin = host.Client(new TestUser("quan-tri.khung", [PlatformRoles.FrameworkAdmin], OrgUnit: "vn"));
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var list = (await admin.GetFromJsonAsync<Paged<AssignmentView>>("/api/intake/assignments?framework=monthly-4585", SubmissionCalls.Json, Ct))!.Items;
        var cntt = list.Single(a => a.ReportingUnit == "lao-cai.tt-cntt");

        var byReporter = await reporter.EditAssignmentAsync(cntt, new { inputKeys = new[] { "C2.transactions" } });
        var unknown = await admin.EditAssignmentAsync(cntt, new { inputKeys = new[] { "Z.none" } });
        var taken = await admin.EditAssignmentAsync(cntt, new { reportingUnit = "lao-cai.so-khcn" });
        var moved = await admin.EditAssignmentAsync(cntt, new { reportingUnit = "lao-cai.so-yt" });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.OK],
            [byReporter.StatusCode, unknown.StatusCode, taken.StatusCode, moved.StatusCode]);
        using var health = host.Client(new TestUser("bao-cao.so-yt.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-yt"));
        var owed = await health.GetFromJsonAsync<OwedInputs>(
            "/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);
        Assert.Equal(["C2.transactions"], owed!.Inputs.Select(i => i.Key));
        await using var db = host.Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "assignment" && e.Action == "edited" && e.EntityId == cntt.Id.ToString(), Ct));
    }
}
