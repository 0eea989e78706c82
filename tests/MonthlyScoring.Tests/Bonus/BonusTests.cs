using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Tests.Inputs;
using Platform.MonthlyScoring.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Bonus;

public sealed class BonusTests(PlatformInfrastructure infrastructure)
{
    private const string Path = "/api/monthly-scoring/bonuses";

    [Fact]
    public async Task A_unit_proposes_the_committee_approves_and_the_points_reach_the_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusapprove");
        var proposed = await host.Client(InputsHost.LaoCaiReporter).PostAsJsonAsync(Path,
            new { unit = "lao-cai", period = "2026-01", justification = "Triển khai sớm nền tảng dữ liệu dùng chung", evidence = "https://laocai.gov.vn/van-ban/123" }, ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.Content.ReadFromJsonAsync<BonusView>(ct))!.Id;

        var approved = await host.Client(InputsHost.Approver).PostAsJsonAsync($"{Path}/{id}/approve", new { points = 3, note = "Đồng ý" }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = (await approved.Content.ReadFromJsonAsync<BonusView>(ct))!;
        Assert.Equal((BonusStates.Approved, 3m), (view.State, view.Points));

        await using var db = host.Db();
        Assert.Equal(new Dictionary<string, decimal> { ["lao-cai"] = 3m }, await BonusDecisions.ApprovedAsync(db, "national", "2026-01", ct));
        Assert.Empty(await BonusDecisions.ApprovedAsync(db, "national", "2026-02", ct));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(["proposed", "approved"], audit.Select(a => a.Action));
        Assert.Equal(InputsHost.Approver.Subject, audit[1].By);

        // Deciding twice is refused; the list shows the decision.
        var again = await host.Client(InputsHost.Approver).PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Nhầm" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var list = await host.Client(InputsHost.LaoCaiLeader).GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        Assert.Equal([(id, BonusStates.Approved)], list!.Select(b => (b.Id, b.State)));
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_in_the_audit_and_gives_no_points()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusreject");
        var id = await ProposeAsync(host);

        var rejected = await host.Client(InputsHost.Approver).PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Chưa có minh chứng" }, ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        await using var db = host.Db();
        Assert.Empty(await BonusDecisions.ApprovedAsync(db, "national", "2026-01", ct));
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString() && a.Action == "rejected").SingleAsync(ct);
        Assert.Equal("Chưa có minh chứng", last.Detail);
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

        var response = await host.Client(InputsHost.Approver).PostAsJsonAsync($"{Path}/{id}/approve", new { points }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains("từ 1 đến 5", problem.GetProperty("errors").GetProperty("points")[0].GetString());
    }

    [Fact]
    public async Task Only_the_committee_decides_and_a_unit_proposes_only_for_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusroles");
        var id = await ProposeAsync(host);

        var byReporter = await host.Client(InputsHost.LaoCaiLeader).PostAsJsonAsync($"{Path}/{id}/approve", new { points = 5 }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);

        var otherUnit = await host.Client(InputsHost.LaoCaiReporter).PostAsJsonAsync(Path, new { unit = "thanh-hoa", period = "2026-01", justification = "Đề xuất hộ" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.Equal("Không tìm thấy", (await otherUnit.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("title").GetString());

        var unknown = await host.Client(InputsHost.Approver).PostAsJsonAsync($"{Path}/{Guid.NewGuid()}/approve", new { points = 2 }, ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var twice = await host.Client(InputsHost.LaoCaiLeader).PostAsJsonAsync(Path, new { unit = "lao-cai", period = "2026-01", justification = "Lần hai" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_provinces_committee_neither_sees_nor_decides_another_provinces_proposal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync("bonusscope");
        var id = await ProposeAsync(host);
        var thanhHoaCommittee = host.Client(new TestUser("ban-chi-dao.thanh-hoa", [PlatformRoles.BonusApprover], OrgUnit: "thanh-hoa"));

        var approve = await thanhHoaCommittee.PostAsJsonAsync($"{Path}/{id}/approve", new { points = 5 }, ct);
        var reject = await thanhHoaCommittee.PostAsJsonAsync($"{Path}/{id}/reject", new { reason = "Không thuộc tỉnh" }, ct);
        var list = await thanhHoaCommittee.GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);
        var national = await host.Client(InputsHost.Approver).GetFromJsonAsync<List<BonusView>>($"{Path}?period=2026-01", ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (approve.StatusCode, reject.StatusCode));
        Assert.Empty(list!);
        Assert.Equal([(id, BonusStates.Proposed)], national!.Select(b => (b.Id, b.State)));
    }

    private async Task<InputsHost> StartAsync(string prefix)
    {
        var host = await InputsHost.StartAsync(infrastructure, prefix);
        await using var db = host.Db();
        db.Units.AddRange(
            new ScoredUnit { Tenant = "national", Code = "vn", Name = "Quốc gia", Kind = "national", Revision = 1 },
            new ScoredUnit { Tenant = "national", Code = "lao-cai", Name = "Tỉnh Lào Cai", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 },
            new ScoredUnit { Tenant = "national", Code = "thanh-hoa", Name = "Tỉnh Thanh Hóa", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task<Guid> ProposeAsync(InputsHost host)
    {
        var response = await host.Client(InputsHost.LaoCaiReporter).PostAsJsonAsync(Path,
            new { unit = "lao-cai", period = "2026-01", justification = "Hoàn thành trước hạn" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BonusView>(TestContext.Current.CancellationToken))!.Id;
    }
}
