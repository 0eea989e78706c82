using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Tests.Publication;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Bonus;

/// <summary>A bonus decided after the month was published changes nothing published: the period needs a correction.</summary>
public sealed class BonusAfterPublicationTests(PlatformInfrastructure infrastructure)
{
    private const string Basis = "Quyết định số 123/QĐ-TTg ngày 10/02/2026 của Thủ tướng Chính phủ";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bonus_decided_after_publication_marks_the_period_for_correction_and_the_correction_clears_it()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "bonus-late");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher)).StatusCode);
        var proposed = await host.Client(MonthlyScoringHost.LaoCaiReporter).PostAsJsonAsync("/api/monthly-scoring/bonuses",
            new { unit = "lao-cai", period = "2026-01", justification = "Sáng kiến đột phá về dữ liệu dùng chung" }, Ct);
        var id = (await proposed.Content.ReadFromJsonAsync<BonusView>(Ct))!.Id;

        // Lào Cai's own committee cannot put it into the national ranking; the national standing body records the decision.
        var byProvince = await host.Client(MonthlyScoringHost.LaoCaiApprover).PostAsJsonAsync($"/api/monthly-scoring/bonuses/{id}/approve",
            new { points = 2.5, basis = Basis }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byProvince.StatusCode);
        var decided = await host.Client(MonthlyScoringHost.NationalApprover).PostAsJsonAsync($"/api/monthly-scoring/bonuses/{id}/approve",
            new { points = 2.5, basis = Basis }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.True((await decided.Content.ReadFromJsonAsync<BonusView>(Ct))!.CorrectionNeeded);

        // The published revision is untouched (Lào Cai 71.3 → 71) …
        var stillPublished = await anonymous.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces", Ct);
        Assert.Equal((1, 71m, 0m), (stillPublished.GetProperty("revision").GetInt32(), stillPublished.GetProperty("results")[0].GetProperty("total").GetDecimal(),
            stillPublished.GetProperty("results")[0].GetProperty("bonus").GetDecimal()));
        // … and the publisher sees the period needs a correction, and why: 71.3 + 2.5 = 73.8 → 74.
        var preview = await Publishing.PreviewAsync(publisher);
        Assert.True(preview.GetProperty("correctionNeeded").GetBoolean());
        Assert.Contains(preview.GetProperty("correctionReasons").EnumerateArray(),
            r => r.GetString()!.StartsWith("Điểm thưởng 2,5 điểm của lao-cai được quyết định lúc", StringComparison.Ordinal)
                && r.GetString()!.Contains(Basis, StringComparison.Ordinal) && r.GetString()!.EndsWith("sau lần công bố 1.", StringComparison.Ordinal));
        var bonus = Assert.Single(preview.GetProperty("bonuses").EnumerateArray());
        Assert.Equal((2.5m, Basis, MonthlyScoringHost.NationalApprover.Username, false), (bonus.GetProperty("points").GetDecimal(),
            bonus.GetProperty("basis").GetString(), bonus.GetProperty("decidedBy").GetString(), bonus.GetProperty("inCurrentRevision").GetBoolean()));
        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal(("lao-cai", 71m, 74m), (change.GetProperty("unit").GetString(), change.GetProperty("before").GetProperty("total").GetDecimal(),
            change.GetProperty("after").GetProperty("total").GetDecimal()));

        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher, "Cộng điểm thưởng theo Quyết định 123/QĐ-TTg", preview)).StatusCode);
        var after = await Publishing.PreviewAsync(publisher);
        Assert.Equal((false, true, true), (after.GetProperty("correctionNeeded").GetBoolean(), after.GetProperty("unchanged").GetBoolean(),
            after.GetProperty("bonuses")[0].GetProperty("inCurrentRevision").GetBoolean()));
        Assert.Equal(74m, (await anonymous.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces", Ct))
            .GetProperty("results")[0].GetProperty("total").GetDecimal());
    }
}
