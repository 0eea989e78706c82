using System.Net;
using Microsoft.AspNetCore.Hosting;
using static Platform.Gateway.Tests.Session.SignInSites;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// <c>Gateway:PublicApiPaths</c> (default <c>/api/monthly-scoring/public</c>, <c>/api/intake/public</c> and
/// <c>/api/dx-index/public</c>): published results, the published DTI and the framework versions they were scored under need no session.
/// </summary>
public sealed class PublicApiTests(SignInSites sites) : IClassFixture<SignInSites>
{
    private const string PublicResults = "/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces";
    private const string PublicVersion = "/api/intake/public/frameworks/monthly-4585/versions/1";
    private const string PublicDti = "/api/dx-index/public/dti/2025";

    [Fact]
    public async Task Without_a_session_the_public_results_pass_through_while_other_api_paths_get_401()
    {
        using var browser = sites.NewBrowser();

        var published = await browser.SendAsync(HttpMethod.Get, PublicResults);
        var version = await browser.SendAsync(HttpMethod.Get, PublicVersion);
        var dti = await browser.SendAsync(HttpMethod.Get, PublicDti);
        var dtiRanking = await browser.SendAsync(HttpMethod.Get, "/api/dx-index/dti/2025/ranking");
        var runs = await browser.SendAsync(HttpMethod.Get, "/api/monthly-scoring/runs");
        // A look-alike prefix is not the public path, nor are the signed-in framework routes.
        var lookAlike = await browser.SendAsync(HttpMethod.Get, "/api/monthly-scoring/publications");
        var frameworks = await browser.SendAsync(HttpMethod.Get, "/api/intake/frameworks");

        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal((null, null), (Read(published).Username, Read(published).TokenId));
        Assert.Equal(HttpStatusCode.OK, version.Status);
        Assert.Null(Read(version).Username);
        Assert.Equal(HttpStatusCode.OK, dti.Status);
        Assert.Null(Read(dti).Username);
        Assert.Equal(HttpStatusCode.Unauthorized, dtiRanking.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, frameworks.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, runs.Status);
        Assert.Contains("Chưa đăng nhập", runs.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, lookAlike.Status);
    }

    [Fact]
    public async Task With_a_session_the_public_results_get_neither_the_token_nor_the_session_cookie()
    {
        using var browser = sites.NewBrowser();
        await browser.SignInAsync("lao-cai.reviewer", Password);

        var published = await browser.SendAsync(HttpMethod.Get, PublicResults);
        var runs = await browser.SendAsync(HttpMethod.Get, "/api/monthly-scoring/runs");

        Assert.Equal(HttpStatusCode.OK, published.Status);
        var saw = Read(published);
        Assert.Equal((null, null, false), (saw.Username, saw.TokenId, saw.HadCookies));
        Assert.Equal("lao-cai.reviewer", Read(runs).Username);
    }

    [Fact]
    public async Task The_public_paths_come_from_configuration_and_replace_the_default()
    {
        using var gateway = sites.Gateway.WithWebHostBuilder(b => b.UseSetting("Gateway:PublicApiPaths:0", "/api/intake/cong-khai"));
        using var browser = new SignInBrowser(gateway.Server.CreateHandler(), sites.IdentityProvider.Server.CreateHandler());

        var configured = await browser.SendAsync(HttpMethod.Get, "/api/intake/cong-khai/don-vi");
        var formerDefault = await browser.SendAsync(HttpMethod.Get, PublicResults);

        Assert.Equal(HttpStatusCode.OK, configured.Status);
        Assert.Null(Read(configured).Username);
        Assert.Equal(HttpStatusCode.Unauthorized, formerDefault.Status);
    }
}
