using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.IdentityProvider.Tests.KeycloakJs;

/// <summary>
/// Keycloak's own browser adapter, keycloak-js 26 (vendored, <c>page/keycloak-js/</c>), in Chromium against the
/// development identity provider: what a province's existing web app does. Screenshots of each step are kept in
/// <c>bin/…/screenshots/</c>.
/// </summary>
public sealed class KeycloakJsInChromiumTests(KeycloakJsSite site) : IClassFixture<KeycloakJsSite>
{
    /// <summary>How long the browser may take for a step on a busy machine (no assertion about time).</summary>
    private const float Wait = 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keycloak_js_signs_in_refreshes_its_token_calls_a_platform_API_and_signs_out()
    {
        var shots = new Screenshots(nameof(Keycloak_js_signs_in_refreshes_its_token_calls_a_platform_API_and_signs_out));
        await using var browser = await site.Chromium.NewContextAsync();
        browser.SetDefaultTimeout(Wait);
        var page = await browser.NewPageAsync();
        var login = $"{site.IdentityUrl}/realms/platform/login";

        // init({ onLoad: 'login-required' }) sends the browser to the provider's Vietnamese sign-in form.
        await page.GotoAsync(site.AppUrl);
        var form = page.GetByLabel("Tên đăng nhập");
        await Assertions.Expect(form.Or(page.Locator("#status", new() { HasTextString = "Lỗi" }))).ToBeVisibleAsync(new() { Timeout = Wait });
        await shots.TakeAsync(page, "dang-nhap");
        Assert.True(page.Url.StartsWith(login, StringComparison.Ordinal), $"Not at the sign-in form: {page.Url} {await page.InnerTextAsync("body")}");
        await page.GetByLabel("Tên đăng nhập").FillAsync("lao-cai.reviewer");
        await page.GetByLabel("Mật khẩu").FillAsync(IdentityProviderFactory.DevPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        // Back on the page, init resolved true; the page shows what keycloak-js parsed from the tokens.
        await page.WaitForURLAsync(url => url.StartsWith(site.AppUrl, StringComparison.Ordinal));
        var status = page.Locator("#status");
        await Assertions.Expect(status).Not.ToHaveTextAsync("Đang khởi tạo…", new() { Timeout = Wait });
        await shots.TakeAsync(page, "da-dang-nhap");
        Assert.Equal("Đã đăng nhập", await status.TextContentAsync());
        Assert.Equal("lao-cai.reviewer", await page.Locator("#username").TextContentAsync());
        Assert.Equal("reviewer", await page.Locator("#roles").TextContentAsync());
        Assert.Equal("lao-cai", await page.Locator("#org-unit").TextContentAsync());
        Assert.StartsWith("typ Refresh, azp platform-spa", await page.Locator("#refresh-token").TextContentAsync(), StringComparison.Ordinal);

        // updateToken(-1): a forced refresh through the refresh token yields a new access token. With checkLoginIframe on,
        // keycloak-js first asks the session-status iframe, which must answer "unchanged" (else it clears the tokens).
        var firstTokenId = await page.Locator("#token-id").TextContentAsync();
        var refresh = await page.EvaluateAsync<JsonElement>("() => window.app.refresh()");
        Assert.True(refresh.GetProperty("refreshed").GetBoolean(), refresh.GetRawText());
        Assert.True(refresh.GetProperty("changed").GetBoolean());
        Assert.NotEqual(firstTokenId, await page.Locator("#token-id").TextContentAsync());

        // The refreshed access token is accepted by the platform's own token validation (AddPlatformAuthentication).
        var call = await page.EvaluateAsync<JsonElement>("() => window.app.callApi()");
        await shots.TakeAsync(page, "lam-moi-va-goi-api");
        Assert.Equal(200, call.GetProperty("status").GetInt32());
        var caller = JsonSerializer.Deserialize<PlatformApi.Caller>(call.GetProperty("body").GetString()!, JsonSerializerOptions.Web)!;
        Assert.Equal("lao-cai.reviewer", caller.Username);
        Assert.Equal("lao-cai", caller.OrgUnit);
        Assert.Equal(["reviewer"], caller.Roles);
        Assert.False(caller.Machine);

        // logout() ends the session at the provider: back on the page, login-required shows the form again…
        var refreshToken = await page.EvaluateAsync<string>("() => window.app.keycloak.refreshToken");
        await page.EvaluateAsync("() => { window.app.logout() }");
        await page.WaitForURLAsync(url => url.StartsWith(login, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập")).ToBeVisibleAsync(new() { Timeout = Wait });
        await shots.TakeAsync(page, "da-dang-xuat");

        // …and the refresh token the app held is refused.
        using var http = new HttpClient();
        using var refused = await http.PostAsync($"{site.IdentityUrl}{IdentityProviderFactory.Oidc}/token",
            new FormUrlEncodedContent(Flows.Refresh(refreshToken, Flows.SpaClient, null)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalid_grant", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
