extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Runs;
using cli::Platform.Scoring.Cli;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Runs;

public sealed class ScoreRunTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Worked out by hand from frameworks.md §1 for Lào Cai (peers: Thanh Hóa):
    //   T = due + backlog = 10;            best T = 20 (Thanh Hóa)
    //   A1 = 8/10 × 18 = 14.4; A2 = 1/10 × 0.5 × 18 = 0.9; A3 = 10/20 × 2 = 1          → A = 16.3
    //   B = (18+20+22+18+22)/100 × 20 = 20
    //   C1 = 100/200 × 10 = 5; C2 = 50/100 × 10 = 5                                        → C = 10
    //   D1 = 5/10 × 10 = 5; D2 = 0.5 × 10 = 5                                              → D = 10
    //   E1 = 2/2 × 5 = 5; E2 = 5 (a report); E3 = 1 × 5 = 5                                → E = 15
    //   total = 16.3 + 20 + 10 + 10 + 15 = 71.3 → 71, class B (70–<85)
    // (11 indicators: A1 A2 A3 B C1 C2 D1 D2 E1 E2 E3.) Thanh Hóa: A = 18 + 0 + 2 = 20, B = 0, C = 10 + 10 = 20, D = 0, E = 0 + 0 + 0 = 0 → 40, class D; ranks 1 and 2.
    [Fact]
    public async Task A_provisional_run_scores_the_peer_group_as_worked_out_by_hand()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-example");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(MonthlyScoringHost.Reviewer);

        var run = await CreateAsync(client);
        Assert.Equal(("provisional", "provisional", (int?)null), (run.Kind, run.Status, run.Revision));

        var results = await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);
        var laoCai = Assert.Single(results!.Results, r => r.Unit == "lao-cai");
        Assert.Equal((71m, 71.3m, "B", 1), (laoCai.Total, laoCai.Unrounded, laoCai.Classification, laoCai.Rank));
        Assert.Equal((16.3m, 20m, 10m, 10m, 15m), (laoCai.Groups["A"], laoCai.Groups["B"], laoCai.Groups["C"], laoCai.Groups["D"], laoCai.Groups["E"]));
        Assert.Equal((14.4m, 18m), (laoCai.Indicators["A1"].Score, laoCai.Indicators["A1"].Max));
        var thanhHoa = Assert.Single(results.Results, r => r.Unit == "thanh-hoa");
        Assert.Equal((40m, "D", 2), (thanhHoa.Total, thanhHoa.Classification, thanhHoa.Rank));

        var onlyD = await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results?class=D", Ct);
        Assert.Equal(["thanh-hoa"], onlyD!.Results.Select(r => r.Unit));
        var listed = await client.GetFromJsonAsync<List<RunView>>("/api/monthly-scoring/runs?period=2026-01&peerGroup=provinces", Ct);
        Assert.Equal([run.Id], listed!.Select(r => r.Id));
    }

    [Fact]
    public async Task An_approved_bonus_enters_the_next_run()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-bonus");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(MonthlyScoringHost.Reviewer);
        var before = await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{(await CreateAsync(client)).Id}/results", Ct);
        Assert.Equal(71m, Assert.Single(before!.Results, r => r.Unit == "lao-cai").Total);

        await using (var db = host.Db())
        {
            db.BonusProposals.Add(new Platform.MonthlyScoring.Bonus.BonusProposal
            {
                Id = Guid.NewGuid(), Tenant = "national", Unit = "lao-cai", Period = "2026-01", Justification = "Sáng kiến cấp tỉnh",
                State = Platform.MonthlyScoring.Bonus.BonusStates.Approved, ProposedBy = "x", ProposedAt = DateTimeOffset.UtcNow,
                Points = 2, DecidedBy = "ban-chi-dao", DecidedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        // 71.3 (worked out above) + 2 bonus points = 73.3 → 73; Thanh Hóa unchanged.
        var after = await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{(await CreateAsync(client)).Id}/results", Ct);
        Assert.Equal((73m, 73.3m), (Assert.Single(after!.Results, r => r.Unit == "lao-cai").Total, after.Results.Single(r => r.Unit == "lao-cai").Unrounded));
        Assert.Equal(40m, Assert.Single(after.Results, r => r.Unit == "thanh-hoa").Total);
    }

    [Fact]
    public async Task An_unreported_backlog_is_carried_over_from_the_previous_month_and_flagged_derived()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-backlog");
        await host.SeedAsync(Example.Provinces);
        await using (var db = host.Db())
        {
            // February: Lào Cai reports everything but A.backlog; Thanh Hóa reports all of January's values again.
            foreach (var (unit, values) in Example.Provinces)
            {
                foreach (var (key, value) in values.Where(v => unit != "lao-cai" || v.Key != "A.backlog"))
                {
                    db.ApprovedValues.Add(new Platform.MonthlyScoring.Inputs.ApprovedValue
                    {
                        Tenant = "national", FrameworkId = "monthly-4585", Period = "2026-02", Unit = unit, InputKey = key,
                        ValueJson = JsonSerializer.Serialize(value), FrameworkVersion = "v", SubmissionId = Guid.NewGuid(),
                        SubmissionRevision = 3, ReportingUnit = unit, ApprovedAt = DateTimeOffset.UtcNow,
                    });
                }
            }
            await db.SaveChangesAsync(Ct);
        }
        using var client = host.Client(MonthlyScoringHost.Reviewer);
        var created = await client.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-02", peerGroup = "provinces" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var run = (await created.Content.ReadFromJsonAsync<RunView>(Ct))!;

        // frameworks.md: backlog(m) = T(m−1) − onTime(m−1) − late(m−1) = (10 + 0) − 8 − 1 = 1, so T(Feb) = 10 + 1 = 11
        // and A1 = 8 / 11 × 18 = 13.0909… → 13.09, flagged "derived"; Thanh Hóa reported its backlog: not derived.
        var results = await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);
        var a1 = Assert.Single(results!.Results, r => r.Unit == "lao-cai").Indicators["A1"];
        Assert.Contains("derived", a1.Flags);
        Assert.Equal(13.09m, Math.Round(a1.Score, 2));
        Assert.DoesNotContain("derived", Assert.Single(results.Results, r => r.Unit == "thanh-hoa").Indicators["A1"].Flags);
    }

    [Fact]
    public async Task The_explanation_shows_the_working_of_every_indicator_and_an_unknown_run_is_a_vietnamese_404()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-explain");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(MonthlyScoringHost.Reviewer);
        var run = await CreateAsync(client);

        var explanation = await client.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/runs/{run.Id}/units/lao-cai/explanation", Ct);
        var a3 = explanation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "A3");
        Assert.Equal(1m, a3.GetProperty("score").GetDecimal());
        Assert.Equal(("thanh-hoa", 20m), (a3.GetProperty("bestUnit").GetString(), a3.GetProperty("best").GetDecimal()));
        Assert.NotEmpty(a3.GetProperty("steps").EnumerateArray());
        Assert.Equal(11, explanation.GetProperty("indicators").GetArrayLength());

        var missing = await client.GetAsync($"/api/monthly-scoring/runs/{Guid.NewGuid()}/results", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Không tìm thấy", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        var foreignUnit = await client.GetAsync($"/api/monthly-scoring/runs/{run.Id}/units/ha-noi/explanation", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreignUnit.StatusCode);
    }

    [Fact]
    public async Task The_stored_result_is_what_the_cli_prints_for_the_stored_input_and_rescoring_is_byte_identical()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "runs-cli");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(MonthlyScoringHost.Reviewer);
        var run = await CreateAsync(client);
        await using var db = host.Db();
        var stored = await db.ScoreRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, Ct);

        // The CLI's own code path: `Scoring.Cli score --input <file>` (ScoreCommand, visible to these tests).
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, stored.InputJson, Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ScoreCommand.RunAsync(["--input", file], TextReader.Null, stdout, stderr);
        File.Delete(file);
        Assert.Equal((0, ""), (exit, stderr.ToString()));
        Assert.Equal(stored.ResultJson, stdout.ToString());

        Assert.Equal(stored.ResultJson, RunScoring.Score(ShippedFrameworks.Catalog, stored.InputJson).ResultJson);

        var export = await client.GetAsync($"/api/monthly-scoring/runs/{run.Id}/export", Ct);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("monthly-4585_2026-01_provinces_" + run.Id.ToString("N") + ".json", export.Content.Headers.ContentDisposition?.FileName);
        var document = JsonNode.Parse(await export.Content.ReadAsStringAsync(Ct))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stdout.ToString()), document["result"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.InputJson), document["input"]));
    }

    private static async Task<RunView> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-01", peerGroup = "provinces" }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<RunView>(Ct))!;
    }
}
