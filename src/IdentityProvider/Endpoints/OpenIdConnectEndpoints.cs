using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.IdentityProvider.Realm;
using Platform.IdentityProvider.Revocation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.IdentityProvider.Endpoints;

/// <summary>
/// The passthrough parts of Keycloak's <c>protocol/openid-connect</c> endpoints: OpenIddict validates the
/// protocol, these decide who signs in and with which claims.
/// </summary>
public static class OpenIdConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(RouteGroupBuilder realm)
    {
        var oidc = realm.MapGroup("/protocol/openid-connect");
        oidc.MapMethods("/auth", ["GET", "POST"], Authorize).DisableAntiforgery();
        oidc.MapPost("/token", Token).DisableAntiforgery();
        oidc.MapMethods("/userinfo", ["GET", "POST"], UserInfo).DisableAntiforgery();
        oidc.MapMethods("/logout", ["GET", "POST"], (Delegate)Logout).DisableAntiforgery();
        KeycloakIframes.Map(oidc);
    }

    private static async Task<Results<SignInHttpResult, RedirectHttpResult, ForbidHttpResult>> Authorize(HttpContext http, RealmDirectory realm)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await BrowserSession.CurrentAsync(http, realm);
        if (session is not { User: var user, SessionId: var sessionId } || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None)) return Forbid(Errors.LoginRequired, "The user is not signed in.");
            // Back to this endpoint after the sign-in form, with the same parameters (minus prompt=login).
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .ToDictionary(p => p.Key, p => (string?)p.Value);
            var back = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, parameters);
            return TypedResults.Redirect($"{http.Request.PathBase}/realms/{realm.Name}/login?{SignInPage.ReturnParameter}={Uri.EscapeDataString(back)}");
        }

        var client = realm.Client(request.ClientId)!;
        // Keycloak always issues a refresh token with the code flow.
        var scopes = request.GetScopes().Append(Scopes.OfflineAccess).Distinct(StringComparer.Ordinal);
        var identity = KeycloakIdentity.For(realm, user, client, scopes, Server, sessionId);
        // One grant per sign-in of a client (Keycloak's client session): its code, refresh and access tokens carry
        // this id, so revoking one refresh token ends them all.
        identity.SetAuthorizationId(Guid.NewGuid().ToString());
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Server);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> Token(HttpContext http, RealmDirectory realm)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = realm.Client(request.ClientId);
        if (client is null) return Forbid(Errors.InvalidClient, "Invalid client.");

        if (request.IsClientCredentialsGrantType())
        {
            var account = realm.ServiceAccount(client)!;
            var identity = KeycloakIdentity.For(realm, account, client, request.GetScopes(), Server);
            return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Server);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(Server);
            var user = realm.User(result.Principal?.GetClaim(Claims.PreferredUsername));
            // A user removed or disabled in the realm file since sign-in gets no new tokens.
            if (result.Principal is null || user is null) return Forbid(Errors.InvalidGrant, "The user is no longer active.");
            var identity = KeycloakIdentity.For(realm, user, client, result.Principal.GetScopes(), Server,
                result.Principal.GetClaim(KeycloakIdentity.SessionId));
            identity.SetAuthorizationId(result.Principal.GetAuthorizationId());
            return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Server);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<Results<Ok<Dictionary<string, object>>, ForbidHttpResult>> UserInfo(HttpContext http, RealmDirectory realm)
    {
        var result = await http.AuthenticateAsync(Server);
        var username = result.Principal?.GetClaim(Claims.PreferredUsername);
        var user = realm.User(username);
        if (result.Principal is null || user is null) return Forbid(Errors.InvalidToken, "The user is no longer active.");
        var info = new Dictionary<string, object> { [Claims.Subject] = realm.SubjectOf(user), [Claims.PreferredUsername] = username! };
        if (result.Principal.GetClaim(Claims.Name) is { } name) info[Claims.Name] = name;
        if (user.FirstName is not null) info[Claims.GivenName] = user.FirstName;
        if (user.LastName is not null) info[Claims.FamilyName] = user.LastName;
        if (user.Email is not null) info[Claims.Email] = user.Email;
        info["groups"] = user.Groups ?? [];
        if (user.Attributes?.GetValueOrDefault("org_unit")?.FirstOrDefault() is { } unit) info["org_unit"] = unit;
        return TypedResults.Ok(info);
    }

    private static async Task<Results<SignOutHttpResult, ContentHttpResult>> Logout(HttpContext http, RealmDirectory realm, RevocationList revocations)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        // As in Keycloak, ending the browser session ends every token issued in it (refresh tokens stop working).
        if (await BrowserSession.SignOutAsync(http, realm) is { } sessionId)
        {
            revocations.RevokeSession(sessionId, DateTimeOffset.UtcNow + IdentityProviderModule.RefreshTokenLifetime);
        }
        if (request.PostLogoutRedirectUri is not null) return TypedResults.SignOut(authenticationSchemes: [Server]);
        return TypedResults.Content(SignInPage.Page("Đăng xuất", "<p>Bạn đã đăng xuất.</p>"), "text/html; charset=utf-8");
    }

    private static ForbidHttpResult Forbid(string error, string description) => TypedResults.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Server]);
}
