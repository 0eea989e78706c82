using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Session;

/// <summary><c>GET /dang-nhap</c>, <c>POST /dang-xuat</c> and <c>GET /api/me</c>: sign in, sign out, who am I.</summary>
internal static class SessionEndpoints
{
    public const string SignInPath = "/dang-nhap";
    public const string SignOutPath = "/dang-xuat";
    public const string MePath = "/api/me";

    /// <summary>The signed-in person as the web application shows them; roles are realm roles and platform-api client roles.</summary>
    public sealed record Me(string? Name, string? Username, string? OrgUnit, IReadOnlyList<string> Roles);

    public static void MapSessionEndpoints(this WebApplication app)
    {
        // Anonymous by nature: signing in and out need no session, and "who am I" answers 401 itself without one.
        app.MapGet(SignInPath, SignIn).ExcludeFromDescription().AllowAnonymous();
        app.MapPost(SignOutPath, SignOut).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(MePath, GetMe).WithTags("Phiên đăng nhập").AllowAnonymous();
    }

    private static async Task<Results<ChallengeHttpResult, ProblemHttpResult>> SignIn(string? returnUrl, IAuthenticationSchemeProvider schemes)
    {
        if (await schemes.GetSchemeAsync(GatewaySession.OidcScheme) is null)
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, SessionProblems.SignInNotConfigured);
        }
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [GatewaySession.OidcScheme]);
    }

    private static async Task<SignOutHttpResult> SignOut(IAuthenticationSchemeProvider schemes)
    {
        // The cookie handler deletes the server-side session; the OIDC handler then sends the browser to the
        // identity provider's end-session endpoint (with id_token_hint), which returns it to "/".
        string[] signOutOf = await schemes.GetSchemeAsync(GatewaySession.OidcScheme) is null
            ? [GatewaySession.CookieScheme]
            : [GatewaySession.CookieScheme, GatewaySession.OidcScheme];
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, signOutOf);
    }

    private static Results<Ok<Me>, ProblemHttpResult> GetMe(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true })
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, SessionProblems.SignInRequired);
        }
        var roles = user.FindAll(KeycloakClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new Me(user.FindFirst("name")?.Value, user.FindFirst(KeycloakClaims.PreferredUsername)?.Value, user.OrgUnit(), roles));
    }

    /// <summary>Only a path on this site: never <c>//host</c>, <c>/\host</c> or an absolute URL (open redirect).</summary>
    internal static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && url.IndexOfAny(['\r', '\n']) < 0
            ? url
            : "/";
}
