using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Gateway.Protections;
using Platform.ServiceDefaults.Security;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Session;

/// <summary>
/// Browser sign-in at the gateway (backend-for-frontend): OpenID Connect code flow with PKCE against Keycloak as the
/// confidential client <c>Gateway:Oidc:ClientId</c>, a server-side session behind an HttpOnly cookie, and the session's
/// access token forwarded to the services as a bearer token. The browser never sees a token.
/// </summary>
internal static class GatewaySession
{
    public const string CookieScheme = "gateway-session";
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CookieName = "platform.session";
    private const string ClaimsFromAccessToken = "claims-from-access-token";

    /// <summary>Claims copied from the access token into the session (roles are not in Keycloak's ID token).</summary>
    private static readonly string[] CopiedClaims =
        [KeycloakClaims.OrgUnit, KeycloakClaims.RealmAccess, KeycloakClaims.ResourceAccess, KeycloakClaims.Groups, "name"];

    /// <summary>True when <c>Gateway:Oidc:ClientId</c> and the <c>Keycloak</c> section are set: sign-in is on.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Gateway:Oidc:ClientId"])
        && !string.IsNullOrWhiteSpace(configuration[$"{KeycloakOptions.SectionName}:Realm"]);

    public static IHostApplicationBuilder AddGatewaySession(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var configured = IsConfigured(builder.Configuration);
        builder.AddSessionStorage();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<SessionStore>());
        builder.Services.AddSingleton<TokenRefresh>();
        builder.Services.AddSingleton<ValidatedTokens>();

        var authentication = builder.Services.AddAuthentication(o =>
        {
            // The gateway itself authenticates browsers by their session; services check bearer tokens themselves.
            o.DefaultScheme = CookieScheme;
            o.DefaultChallengeScheme = configured ? OidcScheme : CookieScheme;
        });
        authentication.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // ExpireTimeSpan (the idle window) from Gateway:Sessions:IdleTimeout below; a session cookie (no Expires).
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                // First sign-in only: a token refresh signs in again with the same properties and keeps the time.
                context.Properties.Items.TryAdd(SessionStore.SignedInAtItem,
                    (context.Properties.IssuedUtc ?? (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow()).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                // Past the absolute lifetime the session ends, however recently it was used: cookie and stored session go.
                var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                if (store.AbsoluteEnd(context.Properties) is not { } end || end > (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow()) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieScheme);
            };
            o.Events.OnRedirectToLogin = context => GatewayProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, SessionProblems.SignInRequired);
            o.Events.OnRedirectToAccessDenied = context => GatewayProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, SessionProblems.Forbidden);
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<ITicketStore, IOptions<SessionStoreOptions>>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = sessions.Value.IdleTimeout;
            });

        if (!configured) return builder;

        authentication.AddOpenIdConnect(OidcScheme, _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme)
            .Configure<IOptions<KeycloakOptions>, IConfiguration>((o, keycloak, configuration) =>
                Configure(o, keycloak.Value, configuration, development));
        return builder;
    }

    private static void Configure(OpenIdConnectOptions o, KeycloakOptions keycloak, IConfiguration configuration, bool development)
    {
        o.SignInScheme = CookieScheme;
        o.SignOutScheme = CookieScheme;
        o.Authority = keycloak.Issuer;
        o.RequireHttpsMetadata = keycloak.RequireHttpsMetadata;
        o.ClientId = configuration["Gateway:Oidc:ClientId"];
        o.ClientSecret = configuration["Gateway:Oidc:ClientSecret"];
        o.ResponseType = OpenIdConnectResponseType.Code;
        // Query, not form_post: the callback is then a top-level GET and the SameSite=Lax correlation cookie comes with it.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.TokenValidationParameters.NameClaimType = KeycloakClaims.PreferredUsername;
        o.TokenValidationParameters.RoleClaimType = KeycloakClaims.Role;
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        }
        o.Events.OnRedirectToIdentityProvider = context =>
        {
            // API calls are answered 401, never redirected to the sign-in page.
            if (!SessionApi.IsApi(context.Request)) return Task.CompletedTask;
            context.HandleResponse();
            return GatewayProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, SessionProblems.SignInRequired);
        };
        o.Events.OnTokenValidated = context =>
        {
            // The access token came straight from the token endpoint over the backchannel.
            if (context.TokenEndpointResponse?.AccessToken is { } accessToken && context.Principal?.Identity is ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == ClaimsFromAccessToken))
            {
                var token = new JsonWebToken(accessToken);
                foreach (var claim in token.Claims.Where(c => CopiedClaims.Contains(c.Type) && !identity.HasClaim(c.Type, c.Value)))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer));
                }
                identity.AddClaim(new Claim(ClaimsFromAccessToken, "true"));
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// False only for an <c>/api</c> request without the session cookie: the cookie scheme can only answer "nobody" there,
    /// and no OpenID Connect callback is under <c>/api</c> (checked at start, <see cref="UseGatewaySession"/>).
    /// </summary>
    public static bool MayCarrySession(HttpRequest request) =>
        !SessionApi.IsApi(request) || request.Cookies.ContainsKey(CookieName);

    public static WebApplication UseGatewaySession(this WebApplication app)
    {
        if (IsConfigured(app.Configuration))
        {
            // The callbacks are handled by the authentication middleware, which MayCarrySession skips under /api.
            var oidc = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcScheme);
            foreach (var path in new[] { oidc.CallbackPath, oidc.SignedOutCallbackPath, oidc.RemoteSignOutPath })
            {
                if (path.StartsWithSegments("/api"))
                    throw new InvalidOperationException($"The OpenID Connect path {path} is under /api, where the gateway does not look for a session.");
            }
        }
        app.UseMiddleware<SessionApi>();
        app.MapSessionEndpoints();
        return app;
    }

    /// <summary>YARP transform: the session's access token becomes the <c>Authorization</c> header of the proxied request.</summary>
    public static void AddSessionTokenTransform(TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            if (transform.HttpContext.Items[SessionApi.AccessTokenItem] is string accessToken)
            {
                transform.ProxyRequest.Headers.Authorization = new("Bearer", accessToken);
                // The service needs the token, not the browser's session key.
                transform.ProxyRequest.Headers.Remove("Cookie");
            }
            return ValueTask.CompletedTask;
        });
}
