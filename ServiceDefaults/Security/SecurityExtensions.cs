using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Every service validates access tokens itself, with one shared rule set: the exact Keycloak issuer,
/// this API as audience, lifetime, and an RS256 signature by a key from the realm's <c>certs</c>. Authorization is closed
/// by default: an endpoint without metadata falls to <see cref="PlatformPolicies.SignedInWithUnit"/>, and every protected
/// endpoint also requires exactly one <c>org_unit</c> (<see cref="OrgUnitRequirement"/>, answered by
/// <see cref="AuthorizationProblems"/>).
/// </summary>
public static class SecurityExtensions
{
    /// <summary>Clock difference tolerated between Keycloak and this service.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(KeycloakOptions.SectionName);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<KeycloakOptions>()
            .Configure(o => o.RequireHttpsMetadata = !development)
            .Bind(section)
            .PostConfigure(o => o.AuthServerUrl ??= section["auth-server-url"])
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KeycloakOptions>, KeycloakOptionsValidation>();
        builder.Services.AddHostedService<KeycloakConfigurationWarning>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<KeycloakOptions>>((jwt, keycloak) => Configure(jwt, keycloak.Value));
        builder.Services.AddTransient<IClaimsTransformation, KeycloakRolesTransformation>();

        builder.Services.AddAuthorization(PlatformPolicies.Add);
        builder.Services.AddSingleton<IAuthorizationHandler, OrgUnitHandler>();
        // Replace, not TryAdd: AddAuthorization registered ASP.NET's own (and may have been called before this).
        builder.Services.Replace(ServiceDescriptor.Transient<IPolicyEvaluator, OrgUnitPolicyEvaluator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>());
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, KeycloakOptions keycloak)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = keycloak.RequireHttpsMetadata;
        jwt.Events = AuthenticationProblems.Events(keycloak.IsConfigured);
        if (keycloak.IsConfigured)
        {
            // Discovery and keys come from {issuer}/.well-known/openid-configuration.
            jwt.Authority = keycloak.Issuer;
        }

        var parameters = jwt.TokenValidationParameters;
        parameters.ValidateIssuer = true;
        parameters.ValidIssuer = keycloak.IsConfigured ? keycloak.Issuer : null;
        parameters.ValidateAudience = true;
        parameters.ValidAudiences = keycloak.ValidAudiences.ToList();
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.ValidateIssuerSigningKey = true;
        parameters.RequireSignedTokens = true;
        // Only RS256: refuses alg=none and HS256 "signed" with the public key (algorithm confusion).
        parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        parameters.ClockSkew = ClockSkew;
        parameters.NameClaimType = KeycloakClaims.PreferredUsername;
        parameters.RoleClaimType = KeycloakClaims.Role;
    }
}
