using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Platform.Gateway.Session;
using Platform.TestSupport;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// The cookies the gateway sets (the session, and sign-in's correlation and nonce cookies) as the gateway itself would
/// write them for a request arriving over plain HTTP behind a TLS-terminating proxy: Secure outside Development, whatever
/// the request; a browser-session cookie whose server-side life is the configured idle window.
/// </summary>
public sealed class CookieAttributesTests
{
    private static ServiceFactory<Program> Gateway(string environment) => new(new Dictionary<string, string>
    {
        ["Keycloak:AuthServerUrl"] = "https://sso.platform.test",
        ["Keycloak:Realm"] = "platform",
        ["Keycloak:Resource"] = "platform-api",
        ["Gateway:Oidc:ClientId"] = "platform-web",
        ["Gateway:Oidc:ClientSecret"] = "test-only-secret",
        ["Gateway:Sessions:IdleTimeout"] = "00:20:00",
        ["Gateway:Sessions:AbsoluteLifetime"] = "02:00:00",
    }, environment: environment);

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public async Task Outside_Development_every_gateway_cookie_is_Secure_even_over_plain_HTTP_and_all_are_HttpOnly_Lax_browser_session_cookies(
        string environment, bool secure)
    {
        await using var gateway = Gateway(environment);
        gateway.StartServer();
        var plainHttp = new DefaultHttpContext { RequestServices = gateway.Services };
        plainHttp.Request.Scheme = "http";

        var session = gateway.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get("gateway-session");
        var oidc = gateway.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var sessionCookie = session.Cookie.Build(plainHttp);

        Assert.Equal("platform.session", session.Cookie.Name);
        Assert.Equal(secure, sessionCookie.Secure);
        Assert.True(sessionCookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, sessionCookie.SameSite);
        Assert.Equal("/", sessionCookie.Path);
        Assert.Null(sessionCookie.Expires);
        Assert.Null(sessionCookie.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(20), session.ExpireTimeSpan);
        Assert.True(session.SlidingExpiration);
        foreach (var cookie in new[] { oidc.CorrelationCookie.Build(plainHttp), oidc.NonceCookie.Build(plainHttp) })
        {
            Assert.Equal(secure, cookie.Secure);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        }
    }

    [Theory]
    [InlineData("00:00:00", "10:00:00")]
    [InlineData("02:00:00", "01:00:00")]
    public void A_session_lifetime_that_makes_no_sense_is_refused_naming_the_section(string idle, string absolute)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Gateway:Sessions:IdleTimeout"] = idle;
        builder.Configuration["Gateway:Sessions:AbsoluteLifetime"] = absolute;
        builder.AddSessionStorage();
        using var services = builder.Services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SessionStoreOptions>>().Value);
        Assert.Contains("Gateway:Sessions", failure.Message, StringComparison.Ordinal);
    }
}
