using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Correlation;
using Platform.TestSupport;

namespace Platform.Gateway.Tests;

/// <summary>Issue 6 protections: correlation id, security headers, CORS, body limit, rate limits, health page.</summary>
public sealed class ProtectionsTests : IAsyncLifetime
{
    private readonly int _intakePort = Ports.GetFree();
    private readonly CapturingLoggerProvider _intakeLogs = new();
    private WebApplication _intake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // A stand-in for the intake service using the ServiceDefaults reading side of the correlation id.
        _intake = await StandIn.StartAsync(_intakePort, MapIntake, builder => builder.Logging.AddProvider(_intakeLogs), Cancel);
    }

    private static void MapIntake(WebApplication intake)
    {
        intake.UseCorrelationId();
        intake.MapGet("/api/intake/correlation", (HttpRequest request, ILogger<ProtectionsTests> logger) =>
        {
            logger.LogInformation("intake handled the request");
            return $"{request.Headers[CorrelationId.HeaderName]}|{CorrelationId.Current}";
        });
        intake.MapPost("/api/intake/upload", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        intake.MapGet("/health", () => TypedResults.Json(new { status = "Healthy" }));
    }

    private ServiceFactory<Program> Gateway(Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string> { ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}" };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return new ServiceFactory<Program>(settings);
    }

    [Fact]
    public async Task The_gateway_creates_a_correlation_id_when_none_or_a_bad_one_is_sent_and_echoes_a_sane_one()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        var none = await client.GetAsync("/", Cancel);
        var created = Assert.Single(none.Headers.GetValues(CorrelationId.HeaderName));
        Assert.Matches("^[0-9a-f]{32}$", created);

        using var sane = new HttpRequestMessage(HttpMethod.Get, "/");
        sane.Headers.Add(CorrelationId.HeaderName, "lao-cai.2026-11:abc");
        var echoed = await client.SendAsync(sane, Cancel);
        Assert.Equal("lao-cai.2026-11:abc", Assert.Single(echoed.Headers.GetValues(CorrelationId.HeaderName)));

        using var tooLong = new HttpRequestMessage(HttpMethod.Get, "/");
        tooLong.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, new string('a', 65));
        var replaced = await client.SendAsync(tooLong, Cancel);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(replaced.Headers.GetValues(CorrelationId.HeaderName)));

        using var withSpace = new HttpRequestMessage(HttpMethod.Get, "/");
        withSpace.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, "a b");
        var replacedToo = await client.SendAsync(withSpace, Cancel);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(replacedToo.Headers.GetValues(CorrelationId.HeaderName)));
    }

    [Fact]
    public async Task A_proxied_call_reaches_the_service_with_the_same_id_which_the_service_logs_and_returns()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        request.Headers.Add(CorrelationId.HeaderName, "req-42");
        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-42|req-42", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("req-42", Assert.Single(response.Headers.GetValues(CorrelationId.HeaderName)));
        var line = Assert.Single(_intakeLogs.Lines, l => l.Message == "intake handled the request");
        Assert.Equal("req-42", line.CorrelationId);

        var generated = await client.GetAsync("/api/intake/correlation", Cancel);
        var id = Assert.Single(generated.Headers.GetValues(CorrelationId.HeaderName));
        Assert.Equal($"{id}|{id}", await generated.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_cors_grant_by_default()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        foreach (var path in new[] { "/", "/api/intake/correlation", "/khong-co" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Origin", "https://evil.example");
            var response = await client.SendAsync(request, Cancel);

            Assert.Equal(
                "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
                Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), path);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), path); // Development, plain HTTP
        }
    }

    [Fact]
    public async Task A_configured_origin_is_granted_and_others_are_not()
    {
        await using var gateway = Gateway(new() { ["Gateway:Cors:Origins:0"] = "https://app.platform.test" });
        var client = gateway.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        allowed.Headers.Add("Origin", "https://app.platform.test");
        var granted = await client.SendAsync(allowed, Cancel);
        Assert.Equal("https://app.platform.test", Assert.Single(granted.Headers.GetValues("Access-Control-Allow-Origin")));

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        other.Headers.Add("Origin", "https://evil.example");
        var refused = await client.SendAsync(other, Cancel);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_in_Vietnamese_and_one_under_it_passes()
    {
        await using var gateway = Gateway(new() { ["Gateway:MaxRequestBodyBytes"] = "1024" });
        var client = gateway.CreateClient();

        var small = await client.PostAsync("/api/intake/upload", new ByteArrayContent(new byte[1000]), Cancel);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("1000", await small.Content.ReadAsStringAsync(Cancel));

        var large = await client.PostAsync("/api/intake/upload", new ByteArrayContent(new byte[2048]), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await large.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Dữ liệu gửi lên quá lớn", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("vượt quá dung lượng cho phép", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_body_limit_lets_a_20_MB_evidence_file_through()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        var response = await client.PostAsync("/api/intake/upload", new ByteArrayContent(new byte[20 * 1024 * 1024]), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((20 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_Retry_After_and_another_user_is_not_affected()
    {
        await using var gateway = Gateway(new()
        {
            ["Gateway:RateLimit:PermitLimit"] = "2",
            ["Gateway:RateLimit:Window"] = "01:00:00",
        });
        var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Send(client, Token("user-a"))).StatusCode);
        }
        var rejected = await Send(client, Token("user-a"));

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = int.Parse(Assert.Single(rejected.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Quá nhiều yêu cầu", problem.RootElement.GetProperty("title").GetString());
        Assert.True(rejected.Headers.Contains(CorrelationId.HeaderName));

        Assert.Equal(HttpStatusCode.OK, (await Send(client, Token("user-b"))).StatusCode);
        // A machine client is counted by its client id, apart from people.
        Assert.Equal(HttpStatusCode.OK, (await Send(client, Token("service-account-reporting-sub", azp: "reporting", username: "service-account-reporting"))).StatusCode);
        // Health probes are never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Each_browser_session_has_its_own_window_so_people_behind_the_web_application_do_not_share_one()
    {
        await using var gateway = Gateway(new()
        {
            ["Gateway:RateLimit:PermitLimit"] = "2",
            ["Gateway:RateLimit:Window"] = "01:00:00",
        });
        var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await SendWithSession(client, "phien-cua-chi-lan")).StatusCode);
        var rejected = await SendWithSession(client, "phien-cua-chi-lan");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendWithSession(client, "phien-cua-anh-minh")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_forwarder_each_browser_is_counted_at_its_own_address_and_an_untrusted_one_cannot_choose_its_address()
    {
        var limits = new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitLimit"] = "100",
            ["Gateway:RateLimit:IpPermitLimit"] = "2",
            ["Gateway:RateLimit:Window"] = "01:00:00",
        };
        await using var trusting = Gateway(new(limits) { ["Gateway:RateLimit:TrustedForwarders:0"] = "127.0.0.0/8" });
        await using var untrusting = Gateway(limits);
        trusting.UseKestrel(Ports.GetFree());
        untrusting.UseKestrel(Ports.GetFree());
        using var viaWeb = trusting.CreateClient();
        using var direct = untrusting.CreateClient();

        // The web application (127.0.0.1, trusted) calls for two browsers: each address has its own window.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await SendFrom(viaWeb, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFrom(viaWeb, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendFrom(viaWeb, "198.51.100.20")).StatusCode);

        // Nobody else may name an address: the caller is counted where it connects from, whatever it claims.
        Assert.Equal(HttpStatusCode.OK, (await SendFrom(direct, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendFrom(direct, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFrom(direct, "203.0.113.3")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithSession(HttpClient client, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        request.Headers.Add("Cookie", $"platform.session={session}");
        return await client.SendAsync(request, Cancel);
    }

    private static async Task<HttpResponseMessage> SendFrom(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task The_aggregated_health_page_reports_each_service_and_the_whole()
    {
        var down = $"http://127.0.0.1:{Ports.GetFree()}";
        await using var gateway = Gateway(new()
        {
            ["services:monthly-scoring:http:0"] = down,
            ["services:dx-index:http:0"] = down,
            ["services:notifications:http:0"] = down,
            ["services:reporting:http:0"] = down,
            ["services:web:http:0"] = down,
        });
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/health/all", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var services = body.RootElement.GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("intake").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", services.GetProperty("reporting").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", services.GetProperty("web").GetProperty("status").GetString());
        Assert.Equal(6, services.EnumerateObject().Count());

        var page = await client.GetAsync("/trang-thai", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("có dịch vụ gặp sự cố", html, StringComparison.Ordinal);
        Assert.Contains("<td>intake</td><td>Hoạt động</td>", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/correlation");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancel);
    }

    /// <summary>An unsigned token: the gateway only reads it, the services validate it.</summary>
    private static string Token(string sub, string azp = "platform-web", string? username = null)
    {
        static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part(new { alg = "RS256", typ = "JWT" })}.{Part(new { sub, azp, preferred_username = username ?? sub })}.c2ln";
    }

    public async ValueTask DisposeAsync() => await _intake.DisposeAsync();

    private sealed record LogLine(string Message, string? CorrelationId);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        private readonly ConcurrentQueue<LogLine> _lines = new();

        public IReadOnlyCollection<LogLine> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? id = null;
                owner._scopes.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            if (key == ServiceDefaults.Correlation.CorrelationId.ScopeKey) id = value?.ToString();
                        }
                    }
                }, (object?)null);
                owner._lines.Enqueue(new LogLine(formatter(state, exception), id));
            }
        }
    }
}
