using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.IdentityProvider.Realm;

namespace Platform.IdentityProvider.Endpoints;

/// <summary>
/// CORS as Keycloak answers it, so browser apps (keycloak-js) can call the protocol endpoints: on <c>token</c>,
/// <c>token/introspect</c>, <c>revoke</c> and <c>logout</c> the calling client's web origins (from <c>client_id</c> or
/// Basic credentials), on <c>userinfo</c> those of the token's <c>azp</c>; the exact origin is echoed with
/// <c>Access-Control-Allow-Credentials: true</c>, other origins get no CORS headers. Preflights are answered for origins
/// some client of the realm registered. Discovery and certs are public documents: any origin, no credentials.
/// Runs before OpenIddict so its error responses carry the headers too.
/// </summary>
public sealed class KeycloakCors(RequestDelegate next, RealmDirectory realm)
{
    private const string AllowedHeaders = "Origin, Accept, X-Requested-With, Content-Type, Access-Control-Request-Method, Access-Control-Request-Headers, Authorization";

    private readonly string _oidc = $"/realms/{realm.Name}/protocol/openid-connect";
    private readonly string _discovery = $"/realms/{realm.Name}/.well-known/openid-configuration";

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var origin = request.Headers.Origin.ToString();
        var path = request.Path.Value ?? "";
        var preflight = HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method");
        if (origin.Length == 0)
        {
            await next(http);
            return;
        }

        if (path == _discovery || path == _oidc + "/certs")
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            if (preflight) Preflight(http, "GET, OPTIONS");
            else await next(http);
            return;
        }

        var endpoint = path.StartsWith(_oidc + "/", StringComparison.Ordinal) ? path[(_oidc.Length + 1)..] : null;
        if (endpoint is not ("token" or "token/introspect" or "revoke" or "logout" or "userinfo"))
        {
            await next(http);
            return;
        }

        http.Response.Headers.Vary = "Origin";
        if (preflight)
        {
            // The client is not known yet (no body): any origin some client registered.
            if (realm.Clients().Any(c => RedirectUris.OriginAllowed(c, origin))) Grant(http, origin);
            Preflight(http, endpoint == "userinfo" ? "GET, POST, OPTIONS" : "POST, OPTIONS");
            return;
        }

        var clientId = endpoint == "userinfo" ? AuthorizedParty(request) : await ClientIdAsync(request);
        if (realm.Client(clientId) is { } client && RedirectUris.OriginAllowed(client, origin)) Grant(http, origin);
        await next(http);
    }

    private static void Grant(HttpContext http, string origin)
    {
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlAllowCredentials = "true";
    }

    private static void Preflight(HttpContext http, string methods)
    {
        if (http.Response.Headers.AccessControlAllowOrigin.Count > 0)
        {
            http.Response.Headers.AccessControlAllowMethods = methods;
            http.Response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            http.Response.Headers.AccessControlMaxAge = "3600";
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The client from HTTP Basic credentials (RFC 6749 §2.3.1, form-encoded id) or the form's <c>client_id</c>.</summary>
    private static async Task<string?> ClientIdAsync(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = credentials.IndexOf(':', StringComparison.Ordinal);
                return colon > 0 ? Uri.UnescapeDataString(credentials[..colon].Replace('+', ' ')) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
        if (request.HasFormContentType) return (await request.ReadFormAsync(request.HttpContext.RequestAborted))["client_id"].ToString();
        return request.Query["client_id"].ToString();
    }

    /// <summary>
    /// The <c>azp</c> of the bearer token, read without validation: it only picks whose origins apply; the userinfo
    /// endpoint validates the token itself and answers nothing but an error to a bad one.
    /// </summary>
    private static string? AuthorizedParty(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { } raw) return null;
        try
        {
            return new JsonWebToken(raw).TryGetPayloadValue<string>("azp", out var azp) ? azp : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
