using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Nq57;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.Nq57.Nq57Fixture;

namespace Platform.DxIndex.Tests.Nq57;

public sealed class Nq57DecisionTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_a_leader_above_the_commune_who_did_not_review_it_decides_and_only_once_it_is_reviewed()
    {
        await using var host = await DxIndexHost.StartAsync(infrastructure, "nq57who", Now);
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Submitted());
        using var leader = host.Client(ThanhHoaLeader);

        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(leader, new { })).StatusCode);
        await host.DeliverAsync(Approved());

        using var reviewer = host.Client(ThanhHoaReviewer);
        using var communeLeader = host.Client(CommuneLeader);
        using var otherProvince = host.Client(LaoCaiLeader);
        using var approver = host.Client(new TestSupport.Security.TestUser(ThanhHoaReviewer.Username, [ServiceDefaults.Security.PlatformRoles.Leader], OrgUnit: "thanh-hoa")); // the approving reviewer, also a leader
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(reviewer, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(communeLeader, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(otherProvince, new { })).StatusCode);
        var self = await DecideAsync(approver, new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("thẩm định", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var db = host.Db();
        Assert.False(await db.Set<Nq57Decision>().AnyAsync(Ct));
    }

    [Fact]
    public async Task Final_scores_default_to_the_reviewers_a_change_needs_its_reason_and_deciding_again_is_a_new_revision()
    {
        await using var host = await DxIndexHost.StartAsync(infrastructure, "nq57decide", Now);
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Approved());
        using var leader = host.Client(ThanhHoaLeader);

        var before = (await leader.GetFromJsonAsync<Nq57CommuneView>(Path(), Json, Ct))!;
        var byCode = before.Criteria.ToDictionary(c => c.Code);
        // Self 1,5 + 3 + 0 + 10 = 14,5; reviewer 0,75 + 3 + 0,8 + 10 = 14,55 (see Nq57Fixture).
        Assert.Equal((14.5m, 14.55m, (decimal?)null), (before.SelfTotal, before.ReviewerTotal, before.FinalTotal));
        Assert.Equal((1.5m, (decimal?)0.75m, 0.75m, "Kế hoạch ban hành chậm 2 tháng"),
            (byCode["A.I.1.1"].Self, byCode["A.I.1.1"].Reviewer, byCode["A.I.1.1"].Suggested, byCode["A.I.1.1"].Comment));
        Assert.Equal((0m, 0.8m), (byCode["A.III.2.2"].Self, byCode["A.III.2.2"].Suggested));
        Assert.True(before.Decidable);

        // B.II.2 above its 10 points; A.III.2.2 above its discretionary cap of 1; A.I.2.1 changed without a reason; Z.9 unknown.
        var refused = await DecideAsync(leader, new
        {
            scores = new Dictionary<string, decimal> { ["B.II.2"] = 11m, ["A.III.2.2"] = 1.5m, ["A.I.2.1"] = 1.5m, ["Z.9"] = 1m },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["A.I.2.1", "A.III.2.2", "B.II.2", "Z.9"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Điểm quyết định của tiêu chí B.II.2 phải từ 0 đến 10 (nhận được 11).", errors.GetProperty("B.II.2")[0].GetString());
        // Only once codes and ranges pass does the engine weigh the tier: A.III.2.2 "partial" is decided only up to 1.
        var aboveTier = await DecideAsync(leader, new
        {
            scores = new Dictionary<string, decimal> { ["A.III.2.2"] = 1.5m },
            reasons = new Dictionary<string, string> { ["A.III.2.2"] = "Đã kết nối đủ" },
        });
        Assert.Contains("tối đa 1 điểm", (await aboveTier.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("A.III.2.2")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Điểm quyết định của tiêu chí A.I.2.1 (1,5) khác điểm đề xuất (3): cần ghi lý do.", errors.GetProperty("A.I.2.1")[0].GetString());

        // B.II.2 10 → 5 ("1–4 articles" tier): final 0,75 + 3 + 0,8 + 5 = 9,55; A = 4,55, B = 5.
        var decided = await DecideAsync(leader, new
        {
            scores = new Dictionary<string, decimal> { ["B.II.2"] = 5m, ["A.I.1.1"] = 0.75m },
            reasons = new Dictionary<string, string> { ["B.II.2"] = "Chỉ 3 bài đăng trên báo chính thức" },
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var first = (await decided.Content.ReadFromJsonAsync<Nq57CommuneView>(Json, Ct))!;
        Assert.Equal((9.55m, 1), (first.FinalTotal, first.Decisions.Single().Revision));
        Assert.Equal((4.55m, 5m), (first.Decisions[0].GroupA, first.Decisions[0].GroupB));
        Assert.Equal(new Dictionary<string, string> { ["B.II.2"] = "Chỉ 3 bài đăng trên báo chính thức" }, first.Decisions[0].Changes);
        Assert.Equal((5m, "Chỉ 3 bài đăng trên báo chính thức"), (first.Criteria.Single(c => c.Code == "B.II.2").Final!.Value, first.Criteria.Single(c => c.Code == "B.II.2").FinalReason));

        var again = await DecideAsync(leader, new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _));

        var second = (await (await DecideAsync(leader, new { reason = "Ban Thường vụ giữ nguyên điểm thẩm định" })).Content.ReadFromJsonAsync<Nq57CommuneView>(Json, Ct))!;
        Assert.Equal((14.55m, 2, 1), (second.FinalTotal, second.Decisions[0].Revision, second.Decisions[1].Revision));
        Assert.Equal("Ban Thường vụ giữ nguyên điểm thẩm định", second.Decisions[0].Reason);

        await using var db = host.Db();
        var audit = await db.AuditEntries.Where(a => a.EntityType == DecideFinal.AuditEntity).Select(a => a.Detail!).OrderBy(d => d).ToListAsync(Ct); // "Quyết định lần 1…", "… lần 2…"
        Assert.Equal(2, audit.Count);
        Assert.Contains("B.II.2 = 5 (Chỉ 3 bài đăng trên báo chính thức)", audit[0], StringComparison.Ordinal);
        Assert.Contains("Lý do quyết định lại: Ban Thường vụ giữ nguyên điểm thẩm định", audit[1], StringComparison.Ordinal);
    }
}
