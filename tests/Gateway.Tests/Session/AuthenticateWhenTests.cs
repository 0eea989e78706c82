using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// The gateway asks the cookie scheme for a session only where there can be one: every page (the sign-in callbacks
/// included) and every API call that carries the session cookie. A machine client's API call has no session to find,
/// and skipping the question is most of what the gateway added per call before YARP (bench/GatewayOverhead).
/// </summary>
public sealed class AuthenticateWhenTests
{
    [Theory]
    [InlineData("/", null, true)]
    [InlineData("/bao-cao/xep-hang", null, true)]
    [InlineData("/signin-oidc", null, true)]
    [InlineData("/signout-callback-oidc", null, true)]
    [InlineData("/api/me", "platform.session=CfDJ8abc", true)]
    [InlineData("/api/intake/units", "platform.session=CfDJ8abc; theme=dark", true)]
    [InlineData("/api/intake/units", null, false)]
    [InlineData("/api/intake/units", "theme=dark", false)]
    [InlineData("/API/intake/units", null, false)]
    public void The_session_is_looked_for_on_every_page_and_on_api_calls_that_carry_the_session_cookie(string path, string? cookie, bool looked)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (cookie is not null) context.Request.Headers.Cookie = cookie;

        Assert.Equal(looked, GatewayModule.AuthenticateWhen(context));
    }

    [Fact]
    public void A_sign_in_callback_moved_under_api_stops_the_gateway_at_start_instead_of_being_skipped()
    {
        using var tokens = new TestTokens();
        using var gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["Gateway:Oidc:ClientId"] = "platform-web",
            ["Gateway:Oidc:ClientSecret"] = "secret",
        }, tokens, services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
            o => o.CallbackPath = "/api/signin-oidc"));

        var error = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());
        Assert.Contains("/api/signin-oidc", error.Message, StringComparison.Ordinal);
    }
}
