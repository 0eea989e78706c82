using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Platform.IdentityProvider.Endpoints;
using Platform.IdentityProvider.Realm;
using Platform.IdentityProvider.Revocation;
using Platform.IdentityProvider.Tokens;
using Platform.ServiceDefaults.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.IdentityProvider;

/// <summary>
/// A development stand-in for Keycloak: reads the realm export real Keycloak imports and answers on
/// Keycloak's URL layout (<c>/realms/{realm}/protocol/openid-connect/…</c>) with Keycloak-shaped RS256 tokens.
/// </summary>
public static class IdentityProviderModule
{
    public const string SessionScheme = "idp-session";

    /// <summary>OpenIddict's default, set explicitly: revoked grants and sessions are remembered this long.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);

    public static WebApplicationBuilder AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("IdentityProvider");
        var realmFile = section["RealmFile"] is { Length: > 0 } file
            ? Path.GetFullPath(file, builder.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "platform-realm.json");
        var publicUrl = section["PublicUrl"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            ? parsed.AbsoluteUri.TrimEnd('/')
            : throw new InvalidOperationException("IdentityProvider:PublicUrl must be the absolute URL clients use (the issuer's base, like KC_HOSTNAME).");
        var realm = new RealmDirectory(RealmExport.Load(realmFile));
        builder.Services.AddSingleton(realm);
        var revocations = new RevocationList(TimeProvider.System);
        builder.Services.AddSingleton(revocations);

        var prefix = $"realms/{realm.Name}";
        var oidc = $"{prefix}/protocol/openid-connect";
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication(SessionScheme)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = "KEYCLOAK_SESSION_DEV";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/" + prefix;
                o.ExpireTimeSpan = BrowserSession.Lifetime;
                o.LoginPath = "/" + prefix + "/login";
            });

        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri($"{publicUrl}/{prefix}"));
            options.SetConfigurationEndpointUris($"{prefix}/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris($"{oidc}/certs")
                .SetAuthorizationEndpointUris($"{oidc}/auth")
                .SetTokenEndpointUris($"{oidc}/token")
                .SetUserInfoEndpointUris($"{oidc}/userinfo")
                .SetEndSessionEndpointUris($"{oidc}/logout")
                .SetRevocationEndpointUris($"{oidc}/revoke")
                .SetIntrospectionEndpointUris($"{oidc}/token/introspect");
            options.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            options.RequireProofKeyForCodeExchange();
            // Clients prove themselves with the realm file's secrets: private_key_jwt is not supported, so not advertised.
            options.Configure(o =>
            {
                o.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
                o.ClientAssertionTypes.Clear();
            });
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
            options.SetAccessTokenLifetime(realm.AccessTokenLifetime).SetRefreshTokenLifetime(RefreshTokenLifetime);
            // Development keys, new at every start: tokens do not survive a restart.
            options.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            // Keycloak's access tokens are plain signed JWTs every service validates with the realm's certs.
            options.DisableAccessTokenEncryption();
            // No database: clients, users and redirect URIs come from the realm file (checked by the handlers below).
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();

            // Endpoint URLs in discovery come from the configured public URL, never from the request's Host header.
            options.AddEventHandler<ProcessRequestContext>(h => h
                .UseInlineHandler(context =>
                {
                    context.BaseUri = new Uri(publicUrl + "/");
                    return default;
                })
                .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1));
            options.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                var client = realm.Client(context.ClientId);
                if (client is null || client.BearerOnly || !client.StandardFlowEnabled)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or standard flow disabled.");
                }
                else if (!RedirectUris.RedirectAllowed(client, context.RedirectUri))
                {
                    context.Reject(Errors.InvalidRequest, "Invalid redirect_uri.");
                }
                else if (client.Attributes?.GetValueOrDefault("pkce.code.challenge.method") is { Length: > 0 } method
                    && !string.Equals(context.Request.CodeChallengeMethod, method, StringComparison.Ordinal))
                {
                    // The client's required PKCE method (Keycloak's "pkce.code.challenge.method", S256 in the realm file).
                    context.Reject(Errors.InvalidRequest, "Invalid parameter: code_challenge_method");
                }
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                var client = realm.Client(context.ClientId);
                if (client is null || client.BearerOnly || (!client.PublicClient && !RealmDirectory.SecretMatches(client, context.ClientSecret)))
                {
                    context.Reject(Errors.InvalidClient, "Invalid client or client credentials.");
                }
                else if (context.Request.IsClientCredentialsGrantType() && (!client.ServiceAccountsEnabled || realm.ServiceAccount(client) is null))
                {
                    context.Reject(Errors.UnauthorizedClient, "Client not enabled to retrieve service account.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is null) return default;
                var client = realm.Client(context.ClientId);
                var allowed = client is not null
                    ? RedirectUris.PostLogoutRedirectAllowed(client, context.PostLogoutRedirectUri)
                    : realm.Clients().Any(c => RedirectUris.PostLogoutRedirectAllowed(c, context.PostLogoutRedirectUri));
                if (!allowed) context.Reject(Errors.InvalidRequest, "Invalid redirect uri.");
                return default;
            }));
            options.AddKeycloakTokenShapes();
            options.AddKeycloakRevocation(realm, revocations, RefreshTokenLifetime);
        });
        return builder;
    }

    public static WebApplication MapIdentityProvider(this WebApplication app)
    {
        var realm = app.Services.GetRequiredService<RealmDirectory>();
        // First: every answer (pages with their own CSP keep it, the framed session-status pages stay framable).
        app.UsePlatformSecurityHeaders();
        app.UseMiddleware<KeycloakCors>();
        app.UseAuthentication();
        app.UseAntiforgery();
        var group = app.MapGroup($"/realms/{realm.Name}");
        OpenIdConnectEndpoints.Map(group);
        SignInPage.Map(group);
        return app;
    }
}
