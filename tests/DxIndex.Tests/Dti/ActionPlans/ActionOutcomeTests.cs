using System.Net;
using System.Net.Http.Json;
using Platform.DxIndex.Dti.ActionPlans;
using Platform.DxIndex.Tests.Dti;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti.ActionPlans;

/// <summary>"Next year, what moved", read from the DTI's own results (<see cref="DtiIndicatorScores"/>), not a stand-in.</summary>
public sealed class ActionOutcomeTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_action_of_2025_shows_its_indicators_points_in_2025_and_in_the_2026_provisional_index()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dtioutcome");
        // 2.1 (10 points, "văn bản đã ban hành"): not issued in 2025 → 0; issued in 2026 → 10. 1.1 reported in 2025 only.
        await host.SeedAsync(new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["lao-cai"] = new Dictionary<string, object> { ["2.1.issued"] = false, ["1.1.chair"] = true, ["1.1.active"] = true },
            ["thanh-hoa"] = new Dictionary<string, object> { ["2.1.issued"] = true },
        }, year: "2025");
        await host.SeedAsync(new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["lao-cai"] = new Dictionary<string, object> { ["2.1.issued"] = true },
        }, year: "2026");
        using var reviewer = host.Client(DtiHost.LaoCaiReviewer);
        const string plan = "/api/dx-index/dti/2025/provinces/lao-cai/actions";
        foreach (var indicator in new[] { "2.1", "6.4" })
        {
            var created = await reviewer.PostAsJsonAsync(plan, new
            {
                indicator, action = "Ban hành kế hoạch chuyển đổi số năm 2026", ownerAgency = "Sở Khoa học và Công nghệ", dueDate = "2026-03-31",
                progress = 100, status = "done",
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var actions = (await reviewer.GetFromJsonAsync<List<ActionView>>($"{plan}?withOutcome=true", Ct))!;

        Assert.Equal(new ActionOutcome(2025, 0m, 2026, 10m, 10m, 10m), actions.Single(a => a.Indicator == "2.1").Outcome);
        // 6.4 was not reported either year: 0 → 0 (flagged missing both times), told as no change.
        Assert.Equal(new ActionOutcome(2025, 0m, 2026, 0m, 0m, 20m), actions.Single(a => a.Indicator == "6.4").Outcome);
        // 2026's plan has no 2027 to compare with.
        var next = await reviewer.PostAsJsonAsync("/api/dx-index/dti/2026/provinces/lao-cai/actions", new
        {
            indicator = "2.1", action = "Duy trì", ownerAgency = "Sở Nội vụ", dueDate = "2027-03-31", status = "planned",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Null(Assert.Single((await reviewer.GetFromJsonAsync<List<ActionView>>("/api/dx-index/dti/2026/provinces/lao-cai/actions?withOutcome=true", Ct))!).Outcome);
    }
}
