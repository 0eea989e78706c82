using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Audit;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Assignments;

/// <summary>Creating, editing (with If-Match) and closing assignments; the clock stands at 02/02/2026 in Vietnam.</summary>
public sealed class AssignmentWriteTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewAssignment(string reportingUnit = "lao-cai.so-yt", string targetUnit = "lao-cai", string[]? inputs = null,
        string framework = "monthly-4585", string role = "cooperating", string frequency = "monthly", string? validFrom = "2026-02-01") =>
        new { framework, reportingUnit, targetUnit, inputKeys = inputs ?? ["C2.*"], frequency, role, validFrom };

    [Fact]
    public async Task A_framework_administrator_creates_an_assignment_with_patterns_expanded_and_audited()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assigncreate");
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);

        var response = await admin.PostAsJsonAsync("/api/intake/assignments", NewAssignment(inputs: ["C2.*", "D2.rate"]), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAssignmentAsync();
        Assert.Equal($"/api/intake/assignments/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal(["C2.transactions", "D2.rate"], created.InputKeys);
        Assert.Equal(("cooperating", "monthly", new DateOnly(2026, 2, 1), (DateOnly?)null), (created.Role, created.Frequency, created.ValidFrom, created.ValidTo));
        using var health = host.Client(new("bao-cao.so-yt.lao-cai", [ServiceDefaults.Security.PlatformRoles.Reporter], OrgUnit: "lao-cai.so-yt"));
        var owed = await health.GetFromJsonAsync<OwedInputs>("/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);
        Assert.Equal(["C2.transactions", "D2.rate"], owed!.Inputs.Select(i => i.Key));
        await using var db = host.Db();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditEntities.Assignment && e.EntityId == created.Id.ToString(), Ct);
        Assert.Equal(("created", AssignmentCalls.LaoCaiAdmin.Subject), (audit.Action, audit.By));
    }

    [Fact]
    public async Task Creating_checks_every_field_and_names_each_problem_in_vietnamese()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assigncreatebad");
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var byReporter = await reporter.PostAsJsonAsync("/api/intake/assignments", NewAssignment(), Ct);
        var unknownFramework = await admin.PostAsJsonAsync("/api/intake/assignments", NewAssignment(framework: "khong-co"), Ct);
        var everythingWrong = await admin.PostAsJsonAsync("/api/intake/assignments",
            NewAssignment(reportingUnit: "thanh-hoa.so-yt", targetUnit: "lao-cai.khong-co", inputs: ["Z.*"], role: "boss", frequency: "daily", validFrom: null), Ct);
        var duplicate = await admin.PostAsJsonAsync("/api/intake/assignments",
            NewAssignment(reportingUnit: "lao-cai.so-khcn", inputs: ["A.*"], role: "lead", validFrom: "2025-07-01"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownFramework.StatusCode);
        Assert.Contains("Không có khung đánh giá 'khong-co'", (await unknownFramework.ProblemAsync()).GetProperty("errors").GetProperty("framework")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, everythingWrong.StatusCode);
        var errors = (await everythingWrong.ProblemAsync()).GetProperty("errors");
        Assert.Equal(["frequency", "inputKeys", "reportingUnit", "role", "targetUnit", "validFrom"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // Another province's unit is "not found in your scope", never revealed.
        Assert.Equal("Không có đơn vị 'thanh-hoa.so-yt' đang hoạt động trong phạm vi của bạn.", errors.GetProperty("reportingUnit")[0].GetString());
        Assert.Equal("Khung 'monthly-4585' không có chỉ số: Z.*.", errors.GetProperty("inputKeys")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await using var db = host.Db();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == AuditEntities.Assignment, Ct));
    }

    [Fact]
    public async Task Editing_without_if_match_is_428_and_with_a_stale_etag_412()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignifmatch");
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        var cntt = (await admin.AssignmentsAsync("framework=monthly-4585")).Single(a => a.ReportingUnit == "lao-cai.tt-cntt");

        var missing = await admin.EditAssignmentAsync(cntt, new { inputKeys = new[] { "C2.*" } }, withIfMatch: false);
        var first = await admin.EditAssignmentAsync(cntt, new { reportingUnit = "lao-cai.so-yt" });
        var stale = await admin.EditAssignmentAsync(cntt, new { reportingUnit = "lao-cai.so-tp" });

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal("Thiếu điều kiện If-Match", (await missing.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal("\"0\"", missing.Headers.ETag?.Tag);
        var edited = await first.ReadAssignmentAsync();
        Assert.Equal((1, "\"1\""), (edited.Version, first.Headers.ETag?.Tag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.ProblemAsync();
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("\"1\"", stale.Headers.ETag?.Tag);
        var current = await admin.GetFromJsonAsync<AssignmentView>($"/api/intake/assignments/{cntt.Id}", SubmissionCalls.Json, Ct);
        Assert.Equal("lao-cai.so-yt", current!.ReportingUnit);
        await using var db = host.Db();
        Assert.Equal(["edited"], await db.AuditEntries.Where(e => e.EntityId == cntt.Id.ToString()).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Closing_ends_the_assignment_with_a_reason_and_it_is_owed_no_more()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignclose");
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        using var foreignAdmin = host.Client(AssignmentCalls.ThanhHoaAdmin);
        using var finance = host.Client(SubmissionsHost.OtherReporter);
        var tc = (await admin.AssignmentsAsync("framework=monthly-4585")).Single(a => a.ReportingUnit == "lao-cai.so-tc");
        var path = $"/api/intake/assignments/{tc.Id}/close";

        var foreign = await foreignAdmin.PostAsJsonAsync(path, new { validTo = "2026-02-02", reason = "Thử" }, Ct);
        var noReason = await admin.PostAsJsonAsync(path, new { validTo = "2026-02-02", reason = " " }, Ct);
        var past = await admin.PostAsJsonAsync(path, new { validTo = "2026-01-15", reason = "Chuyển nhiệm vụ" }, Ct);
        var closed = await admin.PostAsJsonAsync(path, new { validTo = "2026-02-02", reason = "Chuyển nhiệm vụ cho Văn phòng UBND tỉnh" }, Ct);
        var again = await admin.PostAsJsonAsync(path, new { validTo = "2026-02-03", reason = "Lần nữa" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Nhập lý do kết thúc phân công.", (await noReason.ProblemAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("02/02/2026", (await past.ProblemAsync()).GetProperty("errors").GetProperty("validTo")[0].GetString(), StringComparison.Ordinal);
        var view = await closed.ReadAssignmentAsync();
        Assert.Equal((new DateOnly(2026, 2, 2), 1), (view.ValidTo!.Value, view.Version));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(await admin.AssignmentsAsync("framework=monthly-4585"), a => a.Id == tc.Id);
        var owed = await finance.GetFromJsonAsync<OwedInputs>("/api/intake/assignments/mine?framework=monthly-4585&period=2026-01", SubmissionCalls.Json, Ct);
        Assert.Empty(owed!.Inputs);
        await using var db = host.Db();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityId == tc.Id.ToString(), Ct);
        Assert.Equal(("closed", "Kết thúc từ ngày 02/02/2026: Chuyển nhiệm vụ cho Văn phòng UBND tỉnh"), (audit.Action, audit.Detail));
    }

    [Fact]
    public async Task Assignment_listing_is_paged_and_scoped()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "assignpaged");
        using var reviewer = host.Client(SubmissionsHost.Reviewer);

        var first = await reviewer.GetFromJsonAsync<Paged<AssignmentView>>("/api/intake/assignments?framework=monthly-4585&pageSize=4", SubmissionCalls.Json, Ct);
        var second = await reviewer.GetFromJsonAsync<Paged<AssignmentView>>("/api/intake/assignments?framework=monthly-4585&pageSize=4&page=2", SubmissionCalls.Json, Ct);
        var badPage = await reviewer.GetAsync("/api/intake/assignments?page=0", Ct);

        // monthly-4585 in Lào Cai: Sở KHCN, TT PVHCC, Công an, TT CNTT, Sở Tài chính, VP UBND.
        Assert.Equal((6, 1, 4, 4), (first!.Total, first.Page, first.PageSize, first.Items.Count));
        Assert.Equal((6, 2, 2), (second!.Total, second.Page, second.Items.Count));
        Assert.Equal(6, first.Items.Concat(second.Items).Select(a => a.Id).Distinct().Count());
        Assert.All(first.Items.Concat(second.Items), a => Assert.StartsWith("lao-cai", a.ReportingUnit, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }
}
