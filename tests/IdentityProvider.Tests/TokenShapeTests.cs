using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Platform.IdentityProvider.Tests.Flows;
using static Platform.IdentityProvider.Tests.IdentityProviderFactory;

namespace Platform.IdentityProvider.Tests;

/// <summary>
/// keycloak-js decodes every token it receives as a JWT: refresh and ID tokens are signed JWTs shaped like Keycloak's,
/// which nobody can forge or alter, and which neither the identity provider nor our services take for another kind.
/// </summary>
public sealed class TokenShapeTests(IdentityProviderFactory idp) : IClassFixture<IdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_token_is_a_JWT_shaped_like_Keycloaks_and_signed_with_the_key_published_at_certs()
    {
        var tokens = await NewBrowser(idp).SignInAsync(SpaClient, null, SpaRedirect);
        var access = Decode(tokens.GetProperty("access_token").GetString()!).Payload;
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var (header, payload) = Decode(refreshToken);

        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("Refresh", payload.GetProperty("typ").GetString());
        Assert.Equal(Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal(Issuer, payload.GetProperty("aud").GetString());
        Assert.Equal(access.GetProperty("sub").GetString(), payload.GetProperty("sub").GetString());
        Assert.Equal(SpaClient, payload.GetProperty("azp").GetString());
        Assert.Equal(access.GetProperty("sid").GetString(), payload.GetProperty("sid").GetString());
        Assert.Superset(new HashSet<string> { "openid", "profile", "offline_access" }, payload.GetProperty("scope").GetString()!.Split(' ').ToHashSet());
        Assert.True(payload.GetProperty("exp").GetInt64() > payload.GetProperty("iat").GetInt64());
        Assert.NotEqual(access.GetProperty("jti").GetString(), payload.GetProperty("jti").GetString());
        // Names, roles, groups and unit are read anew from the realm at each refresh; only the grant id is OpenIddict's.
        Assert.Equivalent(new[] { "exp", "iat", "jti", "iss", "aud", "sub", "typ", "azp", "sid", "scope", "preferred_username", "oi_au_id" },
            payload.EnumerateObject().Select(p => p.Name), strict: true);
        Assert.True((await ValidateAsync(refreshToken, audience: Issuer)).IsValid);

        // Refreshing gives another token of the same shape.
        var refreshed = await NewBrowser(idp).TokenAsync(Refresh(refreshToken, SpaClient, null));
        var next = Decode(refreshed.GetProperty("refresh_token").GetString()!).Payload;
        Assert.Equal("Refresh", next.GetProperty("typ").GetString());
        Assert.Equal(payload.GetProperty("sid").GetString(), next.GetProperty("sid").GetString());
        Assert.NotEqual(payload.GetProperty("jti").GetString(), next.GetProperty("jti").GetString());
    }

    [Fact]
    public async Task Id_token_is_a_JWT_with_typ_ID_for_the_client_signed_with_the_key_published_at_certs()
    {
        var tokens = await NewBrowser(idp).SignInAsync(SpaClient, null, SpaRedirect);
        var idToken = tokens.GetProperty("id_token").GetString()!;

        var (header, payload) = Decode(idToken);

        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("ID", payload.GetProperty("typ").GetString());
        Assert.Equal(SpaClient, payload.GetProperty("aud").GetString());
        Assert.Equal("n-s1", payload.GetProperty("nonce").GetString());
        Assert.Equal("lao-cai.reporter", payload.GetProperty("preferred_username").GetString());
        Assert.False(payload.TryGetProperty("realm_access", out _));
        Assert.True((await ValidateAsync(idToken, audience: SpaClient)).IsValid);
        Assert.Equal("Bearer", Decode(tokens.GetProperty("access_token").GetString()!).Payload.GetProperty("typ").GetString());
    }

    public enum RefreshForgery
    {
        /// <summary>The payload names the platform administrator; header and signature are the real token's.</summary>
        OtherUser,

        /// <summary>The payload claims another client and session; header and signature are the real token's.</summary>
        OtherClient,

        /// <summary>Same claims, signed by another RSA key announcing the realm key's <c>kid</c>.</summary>
        OtherKey,

        /// <summary>Same claims, header <c>alg: none</c>, no signature.</summary>
        AlgNone,

        /// <summary>Same claims, HS256 with the published RSA key (its JSON) as the secret.</summary>
        Hs256WithPublishedKey,
    }

    [Theory]
    [InlineData(RefreshForgery.OtherUser)]
    [InlineData(RefreshForgery.OtherClient)]
    [InlineData(RefreshForgery.OtherKey)]
    [InlineData(RefreshForgery.AlgNone)]
    [InlineData(RefreshForgery.Hs256WithPublishedKey)]
    public async Task A_forged_or_altered_refresh_token_is_refused(RefreshForgery forgery)
    {
        var browser = NewBrowser(idp);
        var genuine = (await browser.SignInAsync(SpaClient, null, SpaRedirect)).GetProperty("refresh_token").GetString()!;
        var forged = await ForgeAsync(genuine, forgery);

        var response = await browser.SendAsync(Post(Oidc + "/token", Refresh(forged, SpaClient, null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("access_token", response.Body, StringComparison.Ordinal);
        // The genuine token still works: the refusal is about the forgery.
        Assert.True((await browser.SendAsync(Post(Oidc + "/token", Refresh(genuine, SpaClient, null)))).Status == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("id_token")]
    public async Task An_access_or_ID_token_is_not_taken_for_a_refresh_token(string kind)
    {
        var browser = NewBrowser(idp);
        var tokens = await browser.SignInAsync(SpaClient, null, SpaRedirect);

        var response = await browser.SendAsync(Post(Oidc + "/token", Refresh(tokens.GetProperty(kind).GetString()!, SpaClient, null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Userinfo_refuses_a_refresh_token_as_bearer()
    {
        var browser = NewBrowser(idp);
        var tokens = await browser.SignInAsync(SpaClient, null, SpaRedirect);
        using var request = new HttpRequestMessage(HttpMethod.Get, Oidc + "/userinfo");
        request.Headers.Authorization = new("Bearer", tokens.GetProperty("refresh_token").GetString());

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain("preferred_username", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_refuse_refresh_and_ID_tokens_by_their_typ_even_where_their_audience_is_accepted()
    {
        var tokens = await NewBrowser(idp).SignInAsync(SpaClient, null, SpaRedirect);
        // An API that also accepted the refresh token's audience (the issuer) and the ID token's (the client).
        await using var api = await PlatformApi.StartInProcessAsync(idp, Issuer, SpaClient);

        using var access = await PlatformApi.CallAsync(api, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
        foreach (var (kind, audience) in new[] { ("refresh_token", Issuer), ("id_token", SpaClient) })
        {
            var token = tokens.GetProperty(kind).GetString()!;
            // Signature, issuer, audience and lifetime alone would let it through…
            Assert.True((await ValidateAsync(token, audience)).IsValid, kind);
            // …its typ does not.
            using var refused = await PlatformApi.CallAsync(api, token);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, kind);
            Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Checks signature (against <c>certs</c>, RS256 only), issuer, audience and lifetime, as a service would.</summary>
    private async Task<TokenValidationResult> ValidateAsync(string jwt, string audience) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = (await CertsAsync()).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

    private async Task<JsonWebKeySet> CertsAsync()
    {
        using var client = idp.CreateClient();
        return new JsonWebKeySet(await client.GetStringAsync(Oidc + "/certs", Ct));
    }

    private async Task<string> ForgeAsync(string genuine, RefreshForgery forgery)
    {
        var parts = genuine.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        switch (forgery)
        {
            case RefreshForgery.OtherUser:
                payload["preferred_username"] = "quan-tri";
                return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
            case RefreshForgery.OtherClient:
                payload["azp"] = WebClientId;
                payload["sid"] = Guid.NewGuid().ToString();
                return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
            case RefreshForgery.OtherKey:
                using (var other = RSA.Create(2048))
                {
                    var unsigned = $"{Encode(header)}.{Encode(payload)}";
                    return $"{unsigned}.{Base64Url.EncodeToString(other.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
                }
            case RefreshForgery.AlgNone:
                header["alg"] = "none";
                return $"{Encode(header)}.{Encode(payload)}.";
            case RefreshForgery.Hs256WithPublishedKey:
                header["alg"] = "HS256";
                using (var client = idp.CreateClient())
                {
                    var secret = Encoding.UTF8.GetBytes(await client.GetStringAsync(Oidc + "/certs", Ct));
                    var unsigned = $"{Encode(header)}.{Encode(payload)}";
                    return $"{unsigned}.{Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned)))}";
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null);
        }

        static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
    }
}
