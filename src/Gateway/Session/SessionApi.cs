using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;
using Platform.Gateway.Protections;

namespace Platform.Gateway.Session;

/// <summary>
/// Before the proxy, for <c>/api/**</c>: a request with its own <c>Authorization</c> header (a machine client)
/// is validated here like at every service (issuer, audience, lifetime, signature: a forged, expired or
/// <c>alg=none</c> token is refused with 401 before it reaches a service; an accepted one is remembered until it
/// expires, see <see cref="ValidatedTokens"/>) and passes untouched; otherwise the browser's session supplies the access token (refreshed when it expires within
/// 60 s). Without a session the answer is 401 (when sign-in is configured); an unsafe method with a session cookie
/// needs the header <c>X-CSRF: 1</c> or is refused 403. Paths under <c>Gateway:PublicApiPaths</c> (published results)
/// need no session: they pass anonymously, without the browser's cookies and without a token even when there is a session.
/// </summary>
internal sealed class SessionApi(RequestDelegate next, TokenRefresh refresh, ValidatedTokens tokens, IConfiguration configuration, IOptions<KeycloakOptions> keycloak)
{
    private readonly bool _validateBearer = keycloak.Value.IsConfigured;
    public const string AccessTokenItem = "Platform.Gateway.Session.AccessToken";
    public const string CsrfHeader = "X-CSRF";
    private readonly bool _required = GatewaySession.IsConfigured(configuration);
    private readonly PathString[] _public = PublicApiPaths(configuration);

    /// <summary>
    /// Prefixes of <c>/api</c> paths anyone may call: <c>Gateway:PublicApiPaths</c>, default the published results and the
    /// framework versions they were scored under.
    /// </summary>
    public static PathString[] PublicApiPaths(IConfiguration configuration) =>
        (configuration.GetSection("Gateway:PublicApiPaths").Get<string[]>() ?? ["/api/monthly-scoring/public", "/api/intake/public", "/api/dx-index/public", "/api/reporting/public"])
        .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new PathString(p.TrimEnd('/'))).ToArray();

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsApi(context.Request) && context.Request.Headers.Authorization.Count > 0)
        {
            // A caller's own token (a machine client): the services validate it too, but a bad one stops here.
            if (_validateBearer && !await tokens.IsValidAsync(context))
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, SessionProblems.InvalidToken);
                return;
            }
            await next(context);
            return;
        }
        if (!IsApi(context.Request) || context.Request.Path.StartsWithSegments(SessionEndpoints.MePath))
        {
            await next(context);
            return;
        }
        if (_public.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            // Public answers are the same for everyone: the session is not looked at (an ended one cannot fail the
            // call) and its key does not travel to the service.
            context.Request.Headers.Remove("Cookie");
            await next(context);
            return;
        }

        var session = await context.AuthenticateAsync(GatewaySession.CookieScheme);
        if (!session.Succeeded)
        {
            if (_required)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, SessionProblems.SignInRequired);
                return;
            }
            await next(context);
            return;
        }

        if (!IsSafe(context.Request.Method) && context.Request.Headers[CsrfHeader] != "1")
        {
            await GatewayProblems.WriteAsync(context, StatusCodes.Status403Forbidden, SessionProblems.MissingCsrfHeader);
            return;
        }

        var accessToken = await refresh.CurrentAccessTokenAsync(context, session);
        if (accessToken is null)
        {
            await context.SignOutAsync(GatewaySession.CookieScheme);
            await GatewayProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, SessionProblems.SessionEnded);
            return;
        }
        context.Items[AccessTokenItem] = accessToken;
        await next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
