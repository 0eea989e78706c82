using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Tests.Inputs;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Bonus;

public sealed class BonusTests(PlatformInfrastructure infrastructure)
{
    private const string Path = "/api/monthly-scoring/bonuses";
    private const string Basis = "Thông báo kết luận số 45/TB-VPCP ngày 05/02/2026 của Văn phòng Chính phủ";

    [Fact]
    public async Task A_unit_proposes_the_committee_approves_and_the_points_reach_the_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusapprove");
        var proposed = await host.Client(MonthlyScoringHost.LaoCaiReporter).PostAsJsonAsync(Path,
            new { unit = "lao-cai", period = "2026-01", justification = "Triển khai sớm nền tảng dữ liệu dùng chung", evidence = "https://laocai.gov.vn/van-ban/123" }, ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.Content.ReadFromJsonAsync<BonusView>(ct))!.Id;

        var approved = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"{Path}/{id}/approve",
            new { points = 3, note = "Đồng ý", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = (await approved.Content.ReadFromJsonAsync<BonusView>(ct))!;
        Assert.Equal((BonusStates.Approved, 3m), (view.State, view.Points));
        // Who recorded the decision (sub and name), when, and the document it rests on.
        Assert.Equal((MonthlyScoringHost.NationalApprover.Subject, MonthlyScoringHost.NationalApprover.Username, Basis), (view.DecidedBy, view.DecidedByName, view.DecisionBasis));
        Assert.NotNull(view.DecidedAt);
        Assert.False(view.CorrectionNeeded);

        await using var db = host.Db();
        Assert.Equal(new Dictionary<string, decimal> { ["lao-cai"] = 3m }, await BonusDecisions.ApprovedAsync(db, "national", "2026-01", ct));
        Assert.Empty(await BonusDecisions.ApprovedAsync(db, "national", "2026-02", ct));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(["proposed", "approved"], audit.Select(a => a.Action));
        Assert.Equal(MonthlyScoringHost.NationalApprover.Subject, audit[1].By);
        Assert.Equal($"3 điểm: Đồng ý — căn cứ: {Basis}", audit[1].Detail);

        // Deciding twice is refused; the list shows the decision.
        var again = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Nhầm", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var list = await host.Client(MonthlyScoringHost.LaoCaiLeader).GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        Assert.Equal([(id, BonusStates.Approved, Basis)], list!.Select(b => (b.Id, b.State, b.DecisionBasis)));
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_in_the_audit_and_gives_no_points()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusreject");
        var id = await ProposeAsync(host);

        var rejected = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Chưa có minh chứng", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        await using var db = host.Db();
        Assert.Empty(await BonusDecisions.ApprovedAsync(db, "national", "2026-01", ct));
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString() && a.Action == "rejected").SingleAsync(ct);
        Assert.Equal($"Chưa có minh chứng — căn cứ: {Basis}", last.Detail);
        // The audit log is append-only.
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(2.55)]
    public async Task Points_outside_one_to_five_are_refused(double points)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonuspoints");
        var id = await ProposeAsync(host);

        var response = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"{Path}/{id}/approve", new { points, basis = Basis }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains("từ 1 đến 5", problem.GetProperty("errors").GetProperty("points")[0].GetString());
    }

    [Fact]
    public async Task A_decision_without_its_basis_is_refused_with_every_missing_field_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusbasis");
        var id = await ProposeAsync(host);
        var approver = host.Client(MonthlyScoringHost.NationalApprover);

        var approve = await approver.PostAsJsonAsync($"{Path}/{id}/approve", new { points = 9, basis = "  " }, ct);
        var reject = await approver.PostAsJsonAsync($"{Path}/{id}/reject", new { }, ct);

        var approveErrors = (await approve.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        var rejectErrors = (await reject.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (approve.StatusCode, reject.StatusCode));
        Assert.Equal(["basis", "points"], approveErrors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(["basis", "reason"], rejectErrors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("quyết định của Thủ tướng Chính phủ", approveErrors.GetProperty("basis")[0].GetString());
        var list = await host.Client(MonthlyScoringHost.NationalLeader).GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        Assert.Equal(BonusStates.Proposed, Assert.Single(list!).State);
    }

    [Fact]
    public async Task Only_the_committee_decides_and_a_unit_proposes_only_for_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusroles");
        var id = await ProposeAsync(host);

        var byReporter = await host.Client(MonthlyScoringHost.LaoCaiLeader).PostAsJsonAsync($"{Path}/{id}/approve", new { points = 5 }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);

        var otherUnit = await host.Client(MonthlyScoringHost.LaoCaiReporter).PostAsJsonAsync(Path, new { unit = "thanh-hoa", period = "2026-01", justification = "Đề xuất hộ" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.Equal("Không tìm thấy", (await otherUnit.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("title").GetString());

        var unknown = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"{Path}/{Guid.NewGuid()}/approve", new { points = 2, basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var twice = await host.Client(MonthlyScoringHost.LaoCaiLeader).PostAsJsonAsync(Path, new { unit = "lao-cai", period = "2026-01", justification = "Lần hai" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_provinces_own_committee_sends_its_proposal_but_decides_none_not_even_its_own_and_sees_only_its_province()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusscope");
        var laoCaiCommittee = host.Client(new TestUser("ban-chi-dao.lao-cai", [PlatformRoles.BonusApprover], OrgUnit: "lao-cai"));
        var thanhHoaCommittee = host.Client(new TestUser("ban-chi-dao.thanh-hoa", [PlatformRoles.BonusApprover], OrgUnit: "thanh-hoa"));

        // Lào Cai's steering committee sends Lào Cai's proposal to the national standing body…
        var sent = await laoCaiCommittee.PostAsJsonAsync(Path, new { unit = "lao-cai", period = "2026-01", justification = "Sáng kiến đột phá về dữ liệu" }, ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<BonusView>(ct))!.Id;

        // …but a province's committee records no decision, for its own province or another: 403 before any lookup.
        var answers = new List<HttpResponseMessage>
        {
            await laoCaiCommittee.PostAsJsonAsync($"{Path}/{id}/approve", new { points = 2.5, basis = Basis }, ct),
            await laoCaiCommittee.PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Tự từ chối", basis = Basis }, ct),
            await thanhHoaCommittee.PostAsJsonAsync($"{Path}/{id}/approve", new { points = 5, basis = Basis }, ct),
            await thanhHoaCommittee.PostAsJsonAsync($"{Path}/{Guid.NewGuid()}/reject", new { reason = "Không thuộc tỉnh", basis = Basis }, ct),
        };
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        var refusal = await answers[0].Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("Không có quyền thực hiện", refusal.GetProperty("title").GetString());
        Assert.Contains("Thủ tướng Chính phủ quyết định", refusal.GetProperty("detail").GetString());

        var own = await laoCaiCommittee.GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        var other = await thanhHoaCommittee.GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        Assert.Equal([(id, BonusStates.Proposed)], own!.Select(b => (b.Id, b.State)));
        Assert.Empty(other!);
        await using var db = host.Db();
        Assert.Empty(await BonusDecisions.ApprovedAsync(db, "national", "2026-01", ct));
    }

    [Fact]
    public async Task Each_decision_leaves_through_the_outbox_as_BonusDecided_and_a_refused_one_leaves_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusevent");
        var approver = host.Client(MonthlyScoringHost.NationalApprover);

        // Rejected first (no points, the reason as the note), then a new proposal approved with its points and note.
        var first = await ProposeAsync(host);
        var rejected = await approver.PostAsJsonAsync($"{Path}/{first}/reject", new { reason = "Chưa có minh chứng", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var second = await ProposeAsync(host);
        var approved = await approver.PostAsJsonAsync($"{Path}/{second}/approve", new { points = 2.5, note = "Đồng ý", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decidedAt = (await approved.Content.ReadFromJsonAsync<BonusView>(ct))!.DecidedAt!.Value;
        // Deciding again is refused (409) and publishes nothing.
        var again = await approver.PostAsJsonAsync($"{Path}/{second}/reject", new { reason = "Nhầm", basis = Basis }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var events = (await host.OutboxAsync(nameof(Contracts.BonusDecided)))
            .Select(b => JsonSerializer.Deserialize<Contracts.BonusDecided>(b, JsonSerializerOptions.Web)!).ToList();
        Assert.Equal(2, events.Count);
        var no = events[0];
        Assert.Equal((first, "rejected", (decimal?)null, "Chưa có minh chứng"), (no.ProposalId, no.Decision, no.Points, no.Note));
        var yes = events[1];
        Assert.Equal(new Contracts.BonusDecided(second, "national", "monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "2026-01", "lao-cai",
            "approved", 2.5m, "Đồng ý", MonthlyScoringHost.NationalApprover.Subject, decidedAt), yes);
    }

    private async Task<ServiceHost<Program, MonthlyScoringDbContext>> StartAsync(string prefix)
    {
        var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, prefix);
        await using var db = host.Db();
        db.Units.AddRange(
            new KnownUnit { Tenant = "national", Code = "vn", Name = "Quốc gia", Kind = "national", Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "lao-cai", Name = "Tỉnh Lào Cai", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "thanh-hoa", Name = "Tỉnh Thanh Hóa", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task<Guid> ProposeAsync(ServiceHost<Program, MonthlyScoringDbContext> host)
    {
        var response = await host.Client(MonthlyScoringHost.LaoCaiReporter).PostAsJsonAsync(Path,
            new { unit = "lao-cai", period = "2026-01", justification = "Hoàn thành trước hạn" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BonusView>(TestContext.Current.CancellationToken))!.Id;
    }
}
