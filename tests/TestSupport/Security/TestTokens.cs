using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.TestSupport.Security;

/// <summary>
/// Mints RS256 access tokens shaped like Keycloak's with a key generated per instance, and makes an
/// in-process service trust that key without fetching discovery metadata over the network.
/// </summary>
public sealed class TestTokens : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _signingKey;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TestTokens(string authServerUrl = "http://sso.platform.test", string realm = "platform", string resource = "platform-api")
    {
        AuthServerUrl = authServerUrl.TrimEnd('/');
        Realm = realm;
        Resource = resource;
        _signingKey = new RsaSecurityKey(_rsa) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
        PublicKey = new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _signingKey.KeyId };
    }

    public string AuthServerUrl { get; }
    public string Realm { get; }
    public string Resource { get; }
    public string Issuer => $"{AuthServerUrl}/realms/{Realm}";

    /// <summary>The verification key a service trusts (what Keycloak publishes at <c>certs</c>).</summary>
    public RsaSecurityKey PublicKey { get; }

    /// <summary>The <c>Keycloak</c> configuration a service needs to accept these tokens.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Keycloak:AuthServerUrl"] = AuthServerUrl,
        ["Keycloak:Realm"] = Realm,
        ["Keycloak:Resource"] = Resource,
        ["Keycloak:RequireHttpsMetadata"] = "false",
    };

    /// <summary>
    /// Makes the service's bearer validation use <see cref="PublicKey"/> and this issuer as if read from
    /// discovery; call from <c>ConfigureTestServices</c> (after the service registered itself).
    /// </summary>
    public void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(PublicKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.IssuerSigningKeys = [PublicKey];
        });

    /// <summary>A valid access token for <paramref name="user"/>, as Keycloak would issue it for this API.</summary>
    public string Mint(TestUser user, DateTimeOffset? now = null, TimeSpan? lifetime = null) =>
        _handler.CreateToken(Descriptor(Payload(user, now ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromMinutes(5)), _signingKey));

    /// <summary>A token for <paramref name="user"/> that a service must refuse, made the way <paramref name="forgery"/> says.</summary>
    public string Forge(Forgery forgery, TestUser user)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = Payload(user, now, TimeSpan.FromMinutes(5));
        switch (forgery)
        {
            case Forgery.OtherKey:
                using (var other = RSA.Create(2048))
                {
                    return _handler.CreateToken(Descriptor(payload, new RsaSecurityKey(other) { KeyId = _signingKey.KeyId }));
                }
            case Forgery.AlgNone:
                return Unsigned(new { alg = "none", typ = "JWT" }, payload) + ".";
            case Forgery.Hs256WithPublicKey:
                var unsigned = Unsigned(new { alg = "HS256", typ = "JWT", kid = _signingKey.KeyId }, payload);
                var secret = Encoding.UTF8.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem());
                return unsigned + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned)));
            case Forgery.Expired:
                payload["iat"] = now.AddMinutes(-15).ToUnixTimeSeconds();
                payload["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds();
                break;
            case Forgery.WrongIssuer:
                payload["iss"] = $"http://sso.attacker.test/realms/{Realm}";
                break;
            case Forgery.WrongAudience:
                payload["aud"] = new[] { "another-api", "account" };
                break;
            case Forgery.RefreshToken:
                payload["typ"] = "Refresh";
                break;
            case Forgery.IdToken:
                payload["typ"] = "ID";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null);
        }
        return _handler.CreateToken(Descriptor(payload, _signingKey));
    }

    private Dictionary<string, object> Payload(TestUser user, DateTimeOffset now, TimeSpan lifetime)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = user.Subject,
            // Keycloak lists the API clients (audience mapper) and "account".
            ["aud"] = new[] { Resource, "account" },
            ["azp"] = user.ClientId,
            ["typ"] = "Bearer",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["sid"] = Guid.NewGuid().ToString(),
            ["scope"] = "openid profile email",
            ["preferred_username"] = user.Username,
            ["realm_access"] = Json(new { roles = user.RealmRoles ?? [] }),
            ["resource_access"] = Json(new Dictionary<string, object>
            {
                [Resource] = new { roles = user.ClientRoles ?? [] },
                ["account"] = new { roles = new[] { "manage-account", "view-profile" } },
            }),
            ["groups"] = user.Groups.ToArray(),
        };
        if (user.OrgUnits is not null) payload["org_unit"] = user.OrgUnits.ToArray();
        else if (user.OrgUnit is not null) payload["org_unit"] = user.OrgUnit;
        if (user.Name is not null) payload["name"] = user.Name;
        if (user.Email is not null) payload["email"] = user.Email;
        return payload;
    }

    private static SecurityTokenDescriptor Descriptor(Dictionary<string, object> payload, SecurityKey key) => new()
    {
        Claims = payload,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    };

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    private static string Unsigned(object header, Dictionary<string, object> payload) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload));

    public void Dispose() => _rsa.Dispose();
}
