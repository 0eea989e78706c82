using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.MonthlyScoring.Runs;
using Platform.MonthlyScoring.Tests.Publication;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Runs;

/// <summary>Provisional runs are limited to the caller's subtree below the national root; official revisions are not.</summary>
public sealed class RunScopeTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_province_leader_sees_only_their_province_in_a_provisional_run_and_the_national_leader_sees_all()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-scope");
        await host.SeedAsync(Example.Provinces);
        using var reviewer = host.Client(MonthlyScoringHost.Reviewer);
        var created = await reviewer.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-01", peerGroup = "provinces" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var run = (await created.Content.ReadFromJsonAsync<RunView>(Ct))!;
        using var laoCai = host.Client(MonthlyScoringHost.LaoCaiLeader);
        using var national = host.Client(MonthlyScoringHost.NationalLeader);

        var own = await laoCai.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);
        Assert.Equal(["lao-cai"], own!.Results.Select(r => r.Unit));
        // Who scored it is a person of another unit: not shown below the national root.
        Assert.Null(own.Run.CreatedBy);
        var filtered = await laoCai.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results?unit=thanh-hoa", Ct);
        Assert.Empty(filtered!.Results);

        var foreign = await laoCai.GetAsync($"/api/monthly-scoring/runs/{run.Id}/units/thanh-hoa/explanation", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        Assert.Contains("không có trong lượt chấm điểm này", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Lào Cai's own working: A3's best (T = 20) is shown, but not which province holds it.
        var body = await laoCai.GetStringAsync($"/api/monthly-scoring/runs/{run.Id}/units/lao-cai/explanation", Ct);
        Assert.DoesNotContain("thanh-hoa", body, StringComparison.Ordinal);
        var explained = JsonSerializer.Deserialize<UnitExplanation>(body, JsonSerializerOptions.Web);
        var a3 = Assert.Single(explained!.Indicators, i => i.Code == "A3");
        Assert.Equal((20m, (string?)null, 1m), (a3.Best, a3.BestUnit, a3.Score));
        Assert.Equal(HttpStatusCode.NotFound, (await laoCai.GetAsync($"/api/monthly-scoring/runs/{run.Id}/export", Ct)).StatusCode);

        var all = await national.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);
        Assert.Equal(["lao-cai", "thanh-hoa"], all!.Results.Select(r => r.Unit).Order());
        Assert.Equal(MonthlyScoringHost.Reviewer.Subject, all.Run.CreatedBy);
        var thanhHoa = await national.GetFromJsonAsync<UnitExplanation>($"/api/monthly-scoring/runs/{run.Id}/units/thanh-hoa/explanation", Ct);
        Assert.Equal("thanh-hoa", Assert.Single(thanhHoa!.Indicators, i => i.Code == "A3").BestUnit);
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/api/monthly-scoring/runs/{run.Id}/export", Ct)).StatusCode);
    }

    [Fact]
    public async Task Official_results_are_readable_by_every_reader_but_a_foreign_units_history_is_a_404()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-scope-official");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var run = await Publishing.FirstRevisionAsync(host, publisher, Example.Provinces);
        using var laoCai = host.Client(MonthlyScoringHost.LaoCaiLeader);

        var official = await laoCai.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);
        Assert.Equal(["lao-cai", "thanh-hoa"], official!.Results.Select(r => r.Unit).Order());
        var explained = await laoCai.GetAsync($"/api/monthly-scoring/runs/{run.Id}/units/thanh-hoa/explanation", Ct);
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);

        var own = await laoCai.GetFromJsonAsync<List<HistoryEntry>>("/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces", Ct);
        var entry = Assert.Single(own!);
        Assert.Equal((1, 71m), (entry.Revision, entry.Total));
        var foreign = await laoCai.GetAsync("/api/monthly-scoring/units/thanh-hoa/history?peerGroup=provinces", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("Không tìm thấy", (await foreign.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }
}
