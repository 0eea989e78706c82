using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.DxIndex.Dti.Demo;
using Platform.DxIndex.Dti.Inputs;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti;

public sealed class DemoDataTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_demo_data_on_a_new_user_sees_three_illustrative_provinces_ranked_for_2025_and_a_restart_adds_nothing()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-demo", new Dictionary<string, string> { ["DxIndex:Dti:DemoData"] = "true" });
        // The units arrive from intake; here the three illustrative provinces and one without data.
        await host.SeedAsync(new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["ha-noi"] = new Dictionary<string, object>(), ["da-nang"] = new Dictionary<string, object>(),
            ["can-tho"] = new Dictionary<string, object>(), ["lao-cai"] = new Dictionary<string, object>(),
        });
        using var leader = host.Client(DtiHost.NationalLeader);

        var ranking = await leader.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.Equal(("provisional", true), (ranking.GetProperty("kind").GetString(), ranking.GetProperty("demo").GetBoolean()));
        var results = ranking.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["ha-noi|1|True", "da-nang|2|True", "can-tho|3|True", "lao-cai||False"], results.Select(r =>
            $"{r.GetProperty("unit").GetString()}|{(r.GetProperty("reported").GetBoolean() ? r.GetProperty("rank").GetInt32() : "")}|{r.GetProperty("demo").GetBoolean()}"));
        Assert.All(results.Take(3), r => Assert.Equal(0, r.GetProperty("missingInputs").GetInt32()));
        var years = await leader.GetFromJsonAsync<List<Platform.DxIndex.Dti.Ranking.DtiYear>>("/api/dx-index/dti/years", Ct);
        Assert.Equal(["2025|True|False"], years!.Select(y => $"{y.Year}|{y.Demo}|{y.Closed}"));
        Assert.True((await leader.GetJsonAsync("/api/dx-index/dti/2025/provinces/ha-noi")).GetProperty("demo").GetBoolean());

        await using var db = host.Db();
        var rows = await db.Set<DtiApprovedValue>().CountAsync(Ct);
        Assert.Equal(0, await DemoDataSeeder.SeedAsync(db, DtiHost.Tenant, host.Services.GetRequiredService<FrameworkCatalog>(), TimeProvider.System, Ct));
        Assert.Equal(rows, await db.Set<DtiApprovedValue>().CountAsync(Ct));
        Assert.Equal(3 * 96, rows);
        Assert.True(await db.Set<DtiApprovedValue>().AllAsync(v => v.Demo && v.Year == "2025", Ct));
    }
}
