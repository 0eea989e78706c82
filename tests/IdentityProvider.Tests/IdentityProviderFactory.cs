using System.Buffers.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.IdentityProvider.Tests;

/// <summary>The identity provider in-process, reading the repository's realm file, its public URL pinned to the test server's.</summary>
public sealed class IdentityProviderFactory()
    : ServiceFactory<Program>(new Dictionary<string, string> { ["IdentityProvider:PublicUrl"] = PublicUrl })
{
    public const string PublicUrl = "http://localhost";
    public const string Issuer = PublicUrl + "/realms/platform";
    public const string Oidc = "/realms/platform/protocol/openid-connect";
    public const string MachineClient = "he-thong-57";
    public const string MachineSecret = "dev-only-he-thong-57-secret";
    public const string WebClientId = "platform-web";
    public const string WebSecret = "dev-only-platform-web-secret";
    public const string DevPassword = "dev-only-123";

    public async Task<JsonDocument> ClientCredentialsAsync(HttpClient client, string secret = MachineSecret)
    {
        using var response = await client.PostAsync(Oidc + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = MachineClient,
            ["client_secret"] = secret,
        }), TestContext.Current.CancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonDocument>(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("empty");
    }

    /// <summary>The JWT's header and payload, as JSON.</summary>
    public static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        return (Part(parts[0]), Part(parts[1]));

        static JsonElement Part(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
    }
}
