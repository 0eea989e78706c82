extern alias gateway;
extern alias identity;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.LocalInfrastructure;
using Platform.TestSupport;
using Platform.TestSupport.Browsing;

namespace Platform.Security.Tests.Hygiene;

/// <summary>
/// With every log category at Trace, the five services, the gateway and the identity provider are driven through flows
/// carrying each kind of secret; no secret (nor its URL-encoded, base64 or base64url form) may appear in any log line —
/// message, structured values, scopes, exceptions — nor in any attribute of any trace activity in the process.
/// </summary>
[Collection(HygieneCollection.Name)]
public sealed class SecretLogTests(PlatformInfrastructure infrastructure, ITestOutputHelper output)
{
    private const string IdentityUrl = "http://localhost:8180";
    private const string GatewayUrl = "http://localhost:5100";
    private const string WebClient = "platform-web";
    private const string WebSecret = "dev-only-platform-web-secret";
    private const string MachineClient = "he-thong-57";
    private const string MachineSecret = "dev-only-he-thong-57-secret";
    private const string Password = "dev-only-123";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    [Fact]
    public async Task No_secret_appears_in_any_log_line_or_trace_attribute_at_trace_level()
    {
        var logs = new LogCapture();
        using var traces = new TraceCapture();
        var smtpPassword = "smtp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        Secret("SMTP password", smtpPassword);

        await using (var hosts = await HygieneHosts.StartAsync(infrastructure, logs, new Dictionary<string, string>
        {
            ["Notifications:Email:User"] = "thongbao",
            ["Notifications:Email:Password"] = smtpPassword,
        }, LogLevel.Trace, servicesOnly: true))
        {
            foreach (var process in hosts.Processes)
            {
                var configuration = process.Services.GetRequiredService<IConfiguration>();
                foreach (var connection in configuration.GetSection("ConnectionStrings").GetChildren())
                {
                    if (connection.Value is not { Length: > 0 } value) continue;
                    if (value.StartsWith("amqp", StringComparison.OrdinalIgnoreCase))
                    {
                        var user = new Uri(value).UserInfo.Split(':');
                        if (user.Length == 2)
                        {
                            Secret("RabbitMQ password", Uri.UnescapeDataString(user[1]));
                            // The throwaway broker's password is "guest", too short to search alone: its credentials as a URI writes them.
                            Secret("RabbitMQ credentials (user:password@)", new Uri(value).UserInfo + "@");
                        }
                    }
                    else if (new NpgsqlConnectionStringBuilder(value).Password is { Length: > 0 } password)
                    {
                        Secret("PostgreSQL password", password);
                    }
                }

                var token = process.Token(HygieneHosts.Admin)!;
                Secret($"bearer token ({process.Name})", token);
                Secret($"bearer token signature ({process.Name})", token[(token.LastIndexOf('.') + 1)..]);
                using var client = process.Client(null);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await WalkAsync(process, client);
                // A token that fails validation is logged by the bearer handler: it must not be the token itself.
                using var forged = process.Client(null);
                var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
                Secret($"refused bearer token ({process.Name})", tampered);
                forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
                await WalkAsync(process, forged);
            }

            var notifications = hosts.Processes.Single(p => p.Name == "notifications");
            await hosts.RegisterAdminUnitAtNotifications();
            await WebhookSecretsAsync(notifications);
        }

        await SignInThroughTheGatewayAsync(logs);

        Assert.NotEmpty(_secrets);
        var lines = logs.Lines.ToArray();
        var activities = traces.Lines.ToArray();
        output.WriteLine($"{lines.Length} log lines and {activities.Length} trace activities scanned for {_secrets.Count} secrets of kinds: "
            + string.Join(", ", _secrets.Values.Distinct().Order(StringComparer.Ordinal)));
        Assert.True(lines.Length > 1000, $"only {lines.Length} log lines: Trace logging did not reach the capture");

        var leaks = new List<string>();
        foreach (var (secret, kind) in _secrets)
        {
            foreach (var form in Forms(secret))
            {
                foreach (var line in lines.Where(l => l.Contains(form, StringComparison.Ordinal)).Take(2))
                    leaks.Add($"{kind} in a log line: {Shorten(line, form)}");
                foreach (var line in activities.Where(l => l.Contains(form, StringComparison.Ordinal)).Take(2))
                    leaks.Add($"{kind} in a trace activity: {Shorten(line, form)}");
            }
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n" + string.Join("\n", leaks.Distinct().Take(40)));
    }

    private void Secret(string kind, string? value)
    {
        // Shorter values would match by chance (and none of the platform's secrets is that short).
        if (value is { Length: >= 8 }) _secrets.TryAdd(value, kind);
    }

    /// <summary>The value as it could be written: itself, URL-encoded, base64 and base64url (of itself and, for client secrets, of Basic credentials).</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var forms = new HashSet<string>(StringComparer.Ordinal)
        {
            secret,
            Uri.EscapeDataString(secret),
            WebUtility.UrlEncode(secret),
            Convert.ToBase64String(bytes).TrimEnd('='),
            System.Buffers.Text.Base64Url.EncodeToString(bytes),
        };
        return forms.Where(f => f.Length >= 8);
    }

    private static string Shorten(string line, string form)
    {
        var at = line.IndexOf(form, StringComparison.Ordinal);
        var start = Math.Max(0, at - 160);
        return line[..Math.Min(line.Length, 90)] + " … " + line.Substring(start, Math.Min(line.Length - start, 200 + form.Length)).Replace(form, "«SECRET»", StringComparison.Ordinal);
    }

    /// <summary>Every route of the process once (bodies: an empty JSON object).</summary>
    private static async Task WalkAsync(HostedProcess process, HttpClient client)
    {
        foreach (var (method, path, json) in SecurityHeaderTests.Routes(process))
        {
            using var request = new HttpRequestMessage(method, path);
            if (json) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            bound.CancelAfter(TimeSpan.FromSeconds(60));
            using var response = await client.SendAsync(request, bound.Token);
        }
    }

    /// <summary>Creates a webhook subscription and rotates its secret; both answers show a signing secret once.</summary>
    private async Task WebhookSecretsAsync(HostedProcess notifications)
    {
        using var client = notifications.Client(HygieneHosts.Admin);
        using var created = await client.PostAsJsonAsync("/api/notifications/webhooks", new
        {
            name = "Hệ thống kiểm thử",
            url = "http://127.0.0.1:9/webhook",
            events = new[] { "ScoresPublished" },
        }, Cancel);
        var body = await created.Content.ReadAsStringAsync(Cancel);
        output.WriteLine($"webhook subscription: {(int)created.StatusCode} {(created.IsSuccessStatusCode ? "" : body)}");
        if (!created.IsSuccessStatusCode) return;
        using var document = JsonDocument.Parse(body);
        foreach (var secret in Strings(document.RootElement).Where(s => s.StartsWith("whsec_", StringComparison.Ordinal))) Secret("webhook signing secret", secret);
        if (Strings(document.RootElement, "id").FirstOrDefault() is { } id)
        {
            using var rotated = await client.PostAsync($"/api/notifications/webhooks/{id}/secret", null, Cancel);
            using var rotation = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync(Cancel));
            foreach (var secret in Strings(rotation.RootElement).Where(s => s.StartsWith("whsec_", StringComparison.Ordinal))) Secret("webhook signing secret", secret);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element, string? named = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && (named is null || property.NameEquals(named))) yield return property.Value.GetString()!;
                    else foreach (var inner in Strings(property.Value, named)) yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) foreach (var inner in Strings(item, named)) yield return inner;
                break;
            case JsonValueKind.String when named is null:
                yield return element.GetString()!;
                break;
        }
    }

    /// <summary>
    /// A person signs in at the gateway through the identity provider's form (password), the gateway redeems the code with
    /// its client secret and keeps the tokens in the session; an API call then carries the session's access token to a
    /// stand-in service; a machine client gets a token with its secret; the session ends with sign-out.
    /// </summary>
    private async Task SignInThroughTheGatewayAsync(LogCapture logs)
    {
        Secret("sign-in password", Password);
        Secret("web client secret", WebSecret);
        Secret("machine client secret", MachineSecret);
        Secret("Basic credentials of the web client", $"{WebClient}:{WebSecret}");
        Secret("Basic credentials of the machine client", $"{MachineClient}:{MachineSecret}");

        var backendPort = Ports.GetFree();
        await using var backend = await StandIn.StartAsync(backendPort, app =>
            app.Map("/{**rest}", (HttpRequest request) =>
            {
                var header = request.Headers.Authorization.ToString();
                if (header.StartsWith("Bearer ", StringComparison.Ordinal)) Secret("session's access token (forwarded)", header["Bearer ".Length..]);
                return TypedResults.Json(new { ok = true });
            }), cancellationToken: Cancel);

        void Logging(IServiceCollection services) => services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var settings = HygieneHosts.LogLevels(LogLevel.Trace);
        settings["IdentityProvider:PublicUrl"] = IdentityUrl;
        await using var identityProvider = new ServiceFactory<identity::Program>(settings, null, Logging);
        identityProvider.StartServer();
        var recorder = new TokenResponses(identityProvider.Server.CreateHandler(), this);

        var backendUrl = $"http://127.0.0.1:{backendPort}";
        var gatewaySettings = new Dictionary<string, string>(HygieneHosts.LogLevels(LogLevel.Trace))
        {
            ["ConnectionStrings:gatewaydb"] = infrastructure.NewDatabaseConnectionString("hygiene-gateway-signin"),
            ["Keycloak:AuthServerUrl"] = IdentityUrl,
            ["Keycloak:Realm"] = "platform",
            ["Keycloak:Resource"] = "platform-api",
            ["Gateway:Oidc:ClientId"] = WebClient,
            ["Gateway:Oidc:ClientSecret"] = WebSecret,
        };
        foreach (var service in new[] { "intake", "monthly-scoring", "dx-index", "notifications", "reporting", "web" })
        {
            gatewaySettings[$"services:{service}:http:0"] = backendUrl;
        }
        await using var gateway = new ServiceFactory<gateway::Program>(gatewaySettings, null, services =>
        {
            Logging(services);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = recorder);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = identityProvider.Server.CreateHandler());
        });
        gateway.StartServer();

        using var browser = new TwoSites(gateway.Server.CreateHandler(), identityProvider.Server.CreateHandler());
        var landed = await browser.SignInAsync("lao-cai.reporter", Password);
        Assert.Equal(HttpStatusCode.OK, landed.Status);
        foreach (var cookie in browser.Cookies.GetAllCookies().Cast<Cookie>())
        {
            Secret($"cookie {cookie.Name}", cookie.Value);
        }
        Assert.Contains(browser.Cookies.GetAllCookies().Cast<Cookie>(), c => c.Name == "platform.session");

        foreach (var path in new[] { "/api/intake/submissions", "/api/me", "/api/notifications/inbox", "/" })
        {
            await browser.SendAsync(HttpMethod.Get, path);
        }
        await browser.SendAsync(HttpMethod.Post, "/api/intake/submissions", new StringContent("{}", Encoding.UTF8, "application/json"),
            [new("X-CSRF", "1")]);

        // A machine client: its secret to the identity provider, its token through the gateway.
        using var idp = identityProvider.CreateClient();
        using var issued = await idp.PostAsync($"{IdentityUrl}/realms/platform/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = MachineClient, ["client_secret"] = MachineSecret,
        }), Cancel);
        issued.EnsureSuccessStatusCode();
        var machineToken = JsonDocument.Parse(await issued.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("access_token").GetString()!;
        Secret("machine client's access token", machineToken);
        using var basic = new HttpRequestMessage(HttpMethod.Post, $"{IdentityUrl}/realms/platform/protocol/openid-connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{MachineClient}:{MachineSecret}")));
        using var _ = await idp.SendAsync(basic, Cancel);
        using var wrong = await idp.PostAsync($"{IdentityUrl}/realms/platform/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = MachineClient, ["client_secret"] = "wrong-" + MachineSecret,
        }), Cancel);
        Secret("a wrong client secret", "wrong-" + MachineSecret);
        using var machine = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", machineToken);
        using var __ = await machine.GetAsync("/api/intake/submissions", Cancel);

        // A wrong password at the form.
        using var stranger = new TwoSites(gateway.Server.CreateHandler(), identityProvider.Server.CreateHandler());
        await stranger.SignInAsync("lao-cai.reporter", "sai-mat-khau-" + Password);
        Secret("a wrong sign-in password", "sai-mat-khau-" + Password);

        var signOut = await browser.SendAsync(HttpMethod.Post, "/dang-xuat", new FormUrlEncodedContent([]), [new("X-CSRF", "1")]);
        await browser.FollowAsync(signOut);
        Assert.True(recorder.Responses > 0, "the gateway redeemed no code at the identity provider");
    }

    /// <summary>The gateway's back channel to the identity provider, recording the tokens it is given.</summary>
    private sealed class TokenResponses(HttpMessageHandler inner, SecretLogTests test) : DelegatingHandler(inner)
    {
        public int Responses { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is FormUrlEncodedContent form && (await form.ReadAsStringAsync(cancellationToken)).Split('&')
                    .FirstOrDefault(p => p.StartsWith("code=", StringComparison.Ordinal)) is { } code)
            {
                test.Secret("authorization code", Uri.UnescapeDataString(code["code=".Length..]));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.EndsWith("/token", StringComparison.Ordinal) == true && response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                foreach (var name in new[] { "access_token", "refresh_token", "id_token" })
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.GetString() is { } token)
                    {
                        test.Secret(name.Replace('_', ' ') + " of the session", token);
                        var signature = token.LastIndexOf('.');
                        if (signature > 0) test.Secret(name.Replace('_', ' ') + " signature", token[(signature + 1)..]);
                    }
                }
                Responses++;
            }
            return response;
        }
    }

    /// <summary>The gateway on <see cref="GatewayUrl"/> and the identity provider on <see cref="IdentityUrl"/>, both in-process.</summary>
    private sealed class TwoSites(HttpMessageHandler gateway, HttpMessageHandler identityProvider) : CookieBrowser(new Uri(GatewayUrl),
        uri => uri.Port == new Uri(IdentityUrl).Port ? new HttpMessageInvoker(identityProvider, false) : new HttpMessageInvoker(gateway, false));
}
