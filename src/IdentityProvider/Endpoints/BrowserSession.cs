using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Platform.IdentityProvider.Realm;

namespace Platform.IdentityProvider.Endpoints;

/// <summary>
/// The identity provider's own browser session, like Keycloak's: an HttpOnly cookie naming the user and the session id
/// (<c>sid</c>, in every token issued during the session), and the script-readable <c>KEYCLOAK_SESSION</c> cookie
/// (<c>realm/user id/sid</c>) that <c>login-status-iframe.html</c> compares with the <c>sid</c> keycloak-js holds.
/// </summary>
public static class BrowserSession
{
    public const string StatusCookie = "KEYCLOAK_SESSION";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(10);

    public static async Task SignInAsync(HttpContext http, RealmDirectory realm, RealmUser user)
    {
        var sessionId = Guid.NewGuid().ToString();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(KeycloakIdentity.SessionId, sessionId)],
            IdentityProviderModule.SessionScheme);
        await http.SignInAsync(IdentityProviderModule.SessionScheme, new ClaimsPrincipal(identity));
        WriteStatusCookie(http, realm, $"{realm.Name}/{realm.SubjectOf(user)}/{sessionId}", Lifetime);
    }

    /// <summary>The signed-in user and the session id, or null (no session, or the user left the realm file).</summary>
    public static async Task<(RealmUser User, string SessionId)?> CurrentAsync(HttpContext http, RealmDirectory realm)
    {
        var session = await http.AuthenticateAsync(IdentityProviderModule.SessionScheme);
        var user = session.Succeeded ? realm.User(session.Principal?.Identity?.Name) : null;
        var sessionId = session.Principal?.FindFirst(KeycloakIdentity.SessionId)?.Value;
        return user is null || sessionId is null ? null : (user, sessionId);
    }

    /// <summary>Ends the session; returns its id (null when there was none).</summary>
    public static async Task<string?> SignOutAsync(HttpContext http, RealmDirectory realm)
    {
        var session = await http.AuthenticateAsync(IdentityProviderModule.SessionScheme);
        await http.SignOutAsync(IdentityProviderModule.SessionScheme);
        WriteStatusCookie(http, realm, "", TimeSpan.Zero);
        return session.Principal?.FindFirst(KeycloakIdentity.SessionId)?.Value;
    }

    // Readable by the iframe's script (not HttpOnly) and written verbatim like Keycloak's (Cookies.Append would
    // percent-encode the slashes). SameSite=None needs HTTPS, so plain-HTTP development uses Lax (the iframe and the
    // app are then on the same site, localhost or 127.0.0.1).
    private static void WriteStatusCookie(HttpContext http, RealmDirectory realm, string value, TimeSpan maxAge) =>
        http.Response.Headers.Append(HeaderNames.SetCookie, new SetCookieHeaderValue(StatusCookie, value)
        {
            Path = $"{http.Request.PathBase}/realms/{realm.Name}/",
            HttpOnly = false,
            Secure = http.Request.IsHttps,
            SameSite = http.Request.IsHttps ? Microsoft.Net.Http.Headers.SameSiteMode.None : Microsoft.Net.Http.Headers.SameSiteMode.Lax,
            MaxAge = maxAge,
        }.ToString());
}
