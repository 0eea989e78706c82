using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.PublicResults;
using Platform.MonthlyScoring.Runs;
using Platform.MonthlyScoring.Tests.Publication;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.PublicResults;

public sealed class PublicResultsTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Results = "/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces";

    // Lào Cai 71.3 → 71 (B), Thanh Hóa 40 (D): worked out by hand in ScoreRunTests.
    [Fact]
    public async Task Anyone_without_signing_in_reads_the_current_published_revision_with_unit_names()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "public-read");
        await host.SeedAsync(Example.Provinces);
        await NameAsync(host);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var published = await Publishing.PublishAsync(publisher);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        using var anonymous = host.Client(null);

        var results = await anonymous.GetFromJsonAsync<PublishedResults>(Results, Ct);
        var periods = await anonymous.GetFromJsonAsync<List<PublishedPeriod>>("/api/monthly-scoring/public/periods", Ct);

        Assert.Equal(("2026-01", "provinces", 1), (results!.Period, results.PeerGroup, results.Revision));
        Assert.Equal(["lao-cai", "thanh-hoa"], results.Results.Select(r => r.Unit));
        var laoCai = results.Results[0];
        Assert.Equal(("Tỉnh Lào Cai", 71m, "B", 1), (laoCai.Name, laoCai.Total, laoCai.Classification, laoCai.Rank));
        Assert.Equal(16.3m, laoCai.Groups["A"]);
        Assert.Equal(("Tỉnh Thanh Hóa", 40m, "D", 2), (results.Results[1].Name, results.Results[1].Total, results.Results[1].Classification, results.Results[1].Rank));
        var period = Assert.Single(periods!);
        Assert.Equal(("2026-01", "provinces", 1), (period.Period, period.PeerGroup, period.Revision));
    }

    [Fact]
    public async Task Provisional_runs_are_never_public_and_a_later_provisional_run_does_not_change_the_published_result()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "public-provisional");
        await host.SeedAsync(Example.Provinces);
        using var reviewer = host.Client(MonthlyScoringHost.Reviewer);
        var provisional = await reviewer.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-01", peerGroup = "provinces" }, Ct);
        var run = (await provisional.Content.ReadFromJsonAsync<RunView>(Ct))!;
        using var anonymous = host.Client(null);

        var before = await anonymous.GetAsync(Results, Ct);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var problem = await before.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        Assert.Equal("Kết quả kỳ 01/2026 của nhóm tỉnh, thành phố chưa được công bố.", problem.GetProperty("detail").GetString());
        Assert.Empty((await anonymous.GetFromJsonAsync<List<PublishedPeriod>>("/api/monthly-scoring/public/periods", Ct))!);
        // The signed-in routes stay closed to anonymous callers.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/monthly-scoring/runs/{run.Id}/results", Ct)).StatusCode);

        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher)).StatusCode);
        // A late correction of Thanh Hóa's values, scored provisionally only: D1 = 10/10 × 10 = 10 → 50 (C) in the preview.
        await host.CorrectAsync("thanh-hoa", "D1.accepted", 10);
        var preview = await reviewer.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-01", peerGroup = "provinces" }, Ct);
        var previewResults = await reviewer.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{(await preview.Content.ReadFromJsonAsync<RunView>(Ct))!.Id}/results", Ct);
        Assert.Equal(50m, previewResults!.Results.Single(r => r.Unit == "thanh-hoa").Total);

        var after = await anonymous.GetFromJsonAsync<PublishedResults>(Results, Ct);
        Assert.Equal(1, after!.Revision);
        Assert.Equal((40m, "D"), (after.Results.Single(r => r.Unit == "thanh-hoa").Total, after.Results.Single(r => r.Unit == "thanh-hoa").Classification));
    }

    [Fact]
    public async Task An_unknown_period_is_a_vietnamese_404_and_a_malformed_request_names_the_field()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "public-unknown");
        using var anonymous = host.Client(null);

        var unknown = await anonymous.GetAsync("/api/monthly-scoring/public/results?period=2030-05&peerGroup=ministries", Ct);
        var malformed = await anonymous.GetAsync("/api/monthly-scoring/public/results?period=05-2030&peerGroup=communes", Ct);
        var badGroup = await anonymous.GetAsync("/api/monthly-scoring/public/periods?peerGroup=communes", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Kết quả kỳ 05/2030 của nhóm bộ, ngành chưa được công bố.",
            (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var errors = (await malformed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("period", out _));
        Assert.True(errors.TryGetProperty("peerGroup", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
    }

    [Fact]
    public async Task Signed_in_results_carry_the_units_names_too()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "public-names");
        await host.SeedAsync(Example.Provinces);
        await NameAsync(host);
        using var reviewer = host.Client(MonthlyScoringHost.Reviewer);
        var created = await reviewer.PostAsJsonAsync("/api/monthly-scoring/runs", new { period = "2026-01", peerGroup = "provinces" }, Ct);
        var run = (await created.Content.ReadFromJsonAsync<RunView>(Ct))!;

        var results = await reviewer.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct);

        Assert.Equal("Tỉnh Lào Cai", results!.Results.Single(r => r.Unit == "lao-cai").Name);
        Assert.Equal("Tỉnh Thanh Hóa", results.Results.Single(r => r.Unit == "thanh-hoa").Name);
    }

    private static async Task NameAsync(ServiceHost<Program, MonthlyScoringDbContext> host)
    {
        await using var db = host.Db();
        await db.Units.Where(u => u.Code == "lao-cai").ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Tỉnh Lào Cai"), Ct);
        await db.Units.Where(u => u.Code == "thanh-hoa").ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Tỉnh Thanh Hóa"), Ct);
    }
}
