using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Inputs;

public sealed class MissingInputsTests(PlatformInfrastructure infrastructure)
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Leaders_see_per_unit_of_their_scope_what_is_still_missing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "missing");
        // The directory and one approval arrive as events over RabbitMQ, as from intake.
        await host.DeliverAsync(new OrganisationUnitRegistered("national", "vn", "Quốc gia", "national", null, 1, T0));
        await host.DeliverAsync(new OrganisationUnitRegistered("national", "lao-cai", "Tỉnh Lào Cai", "province", "vn", 1, T0, ["provinces"]));
        await host.DeliverAsync(new OrganisationUnitRegistered("national", "thanh-hoa", "Tỉnh Thanh Hóa", "province", "vn", 1, T0, ["provinces"]));
        await host.DeliverAsync(SubmissionApprovedConsumerTests.Approved(3, T0, """{"A.due": 12, "E3.onTime": true}"""));
        var inputs = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-01")!.Inputs.Count;

        var national = await host.Client(MonthlyScoringHost.NationalLeader).GetFromJsonAsync<JsonElement>("/api/monthly-scoring/periods/2026-01/missing?peerGroup=provinces", ct);
        Assert.Equal(2, national.GetProperty("unitsInGroup").GetInt32());
        var units = national.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["lao-cai|Tỉnh Lào Cai", "thanh-hoa|Tỉnh Thanh Hóa"], units.Select(u => $"{u.GetProperty("unit")}|{u.GetProperty("name")}"));
        Assert.Equal([inputs - 2, inputs], units.Select(u => u.GetProperty("missing").GetArrayLength()));
        Assert.DoesNotContain(units[0].GetProperty("missing").EnumerateArray(), m => m.GetProperty("key").GetString() == "A.due");

        var laoCai = await host.Client(MonthlyScoringHost.LaoCaiLeader).GetFromJsonAsync<JsonElement>("/api/monthly-scoring/periods/2026-01/missing?peerGroup=provinces", ct);
        Assert.Equal(["lao-cai"], laoCai.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
    }

    [Theory]
    [InlineData("2026-13", "provinces", "period")]
    [InlineData("2026", "provinces", "period")]
    [InlineData("2026-01", "khong-co", "peerGroup")]
    public async Task A_bad_period_or_unknown_peer_group_is_refused_in_Vietnamese(string period, string peerGroup, string field)
    {
        await using var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "missingbad");
        await host.DeliverAsync(new OrganisationUnitRegistered("national", "lao-cai", "Tỉnh Lào Cai", "province", "vn", 1, T0, ["provinces"]));

        var response = await host.Client(MonthlyScoringHost.NationalLeader).GetAsync($"/api/monthly-scoring/periods/{period}/missing?peerGroup={peerGroup}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_reporter_may_not_read_the_missing_list()
    {
        await using var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "missingrole");
        var response = await host.Client(MonthlyScoringHost.LaoCaiReporter).GetAsync("/api/monthly-scoring/periods/2026-01/missing?peerGroup=provinces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
