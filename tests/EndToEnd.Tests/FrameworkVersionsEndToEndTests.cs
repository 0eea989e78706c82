using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.PlatformHarness;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The national framework administrator uploads a new version of the monthly framework through the gateway; intake
/// records it and announces it, and monthly scoring (its own database, over RabbitMQ) uses it for the months it covers
/// and the shipped version for the months before.
/// </summary>
public sealed class FrameworkVersionsEndToEndTests(AspirePlatform platform)
{
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";
    private const string Amended = "4585-sửa-đổi (thử nghiệm đầu-cuối)";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_uploaded_version_reaches_monthly_scoring_for_the_months_it_covers()
    {
        platform.SetNow(TestMonths.Open(TestMonths.FrameworkVersion));
        var shipped = FrameworkCatalog.ShippedFiles().Single(f => f.Contains("\"monthly-4585\"", StringComparison.Ordinal));
        var definition = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        definition["version"] = Amended;
        definition["effectiveFrom"] = TestMonths.FrameworkVersion;
        definition["legalBasis"] = new JsonObject { ["document"] = "Quyết định số 1234/QĐ-BKHCN", ["date"] = "2026-09-15" };

        using var admin = await GatewayBrowser.SignInAsync(platform, "khung-chi-so");
        var preview = Read(await admin.SendAsync(HttpMethod.Post, "/api/intake/frameworks/preview", JsonContent.Create(definition), GatewayBrowser.Csrf));
        Assert.Empty(preview.GetProperty("problems").EnumerateObject());
        Assert.Equal(Shipped, preview.GetProperty("follows").GetProperty("version").GetString());
        var created = Read(await admin.SendAsync(HttpMethod.Post, "/api/intake/frameworks", JsonContent.Create(definition), GatewayBrowser.Csrf));
        Assert.Equal("uploaded", created.GetProperty("source").GetString());

        using var publisher = await GatewayBrowser.SignInAsync(platform, "tw-cong-bo");
        await Eventually.WaitForAsync(
            async () => Read(await publisher.SendAsync(HttpMethod.Get, $"/api/monthly-scoring/periods/{TestMonths.FrameworkVersion}/missing?peerGroup=provinces"))
                .GetProperty("frameworkVersion").GetString(),
            version => version == Amended, Wait, "monthly scoring scores the new month under the uploaded version");
        var before = Read(await publisher.SendAsync(HttpMethod.Get, $"/api/monthly-scoring/periods/{TestMonths.MonthlyScores}/missing?peerGroup=provinces"));
        Assert.Equal(Shipped, before.GetProperty("frameworkVersion").GetString());
    }

    private static JsonElement Read(GatewayBrowser.Page page)
    {
        Assert.True((int)page.Status is >= 200 and < 300, $"{page.Url}: {(int)page.Status} {page.Body}");
        return JsonDocument.Parse(page.Body).RootElement.Clone();
    }
}
