using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests.Hygiene;

[CollectionDefinition(Name)]
public sealed class HygieneCollection : ICollectionFixture<PlatformInfrastructure>
{
    public const string Name = "Hygiene";
}

/// <summary>
/// Every answer of every process people or systems reach carries the browser protections (ServiceDefaults'
/// <c>SecurityHeaders</c>, the gateway's own policy on top): each route of each process's endpoint data source is called
/// without credentials and with a valid token of a user holding every role, then each process is driven to the answers a
/// route walk may not give (unknown route, wrong method, wrong media type, bad JSON, failure, conditional request, static
/// file, OpenAPI, health, and at the gateway, a body too large and too many requests).
/// </summary>
[Collection(HygieneCollection.Name)]
public sealed partial class SecurityHeaderTests(PlatformInfrastructure infrastructure, ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>keycloak-js frames these pages from the applications' origins: their own CSP, no frame-ancestors, by design.</summary>
    private static readonly string[] FramedByDesign = ["/3p-cookies/", "/login-status-iframe.html"];

    private readonly List<string> _failures = [];
    private readonly SortedDictionary<string, SortedSet<int>> _statuses = new(StringComparer.Ordinal);
    private int _responses;

    [Fact]
    public async Task Every_answer_of_every_process_carries_the_security_headers()
    {
        await using var hosts = await HygieneHosts.StartAsync(infrastructure);

        foreach (var process in hosts.Processes)
        {
            using var anonymous = process.Client(null);
            using var admin = process.Client(HygieneHosts.Admin);
            var routes = Routes(process).ToList();
            Assert.True(routes.Count > 2, $"{process.Name}: only {routes.Count} routes found in its endpoint data source");
            foreach (var (method, path, json) in routes)
            {
                await CheckAsync(process, anonymous, Request(method, path, json ? "{}" : null), credentials: false);
                await CheckAsync(process, admin, Request(method, path, json ? "{}" : null), credentials: process.Token(HygieneHosts.Admin) is not null);
            }

            var credentialed = process.Token(HygieneHosts.Admin) is not null;
            var client = credentialed ? admin : anonymous;
            // The gateway sends every address it does not know to the web application (here: nowhere, so 502).
            var proxied = process.Name == "gateway";
            await CheckAsync(process, client, Request(HttpMethod.Get, "/khong-co-dia-chi-nay/" + Guid.NewGuid().ToString("N")), credentialed, expect: proxied ? 502 : 404);
            await CheckAsync(process, client, Request(HttpMethod.Get, HygieneHosts.FailurePath), credentialed, expect: proxied ? 502 : 500);
            await CheckAsync(process, anonymous, Request(HttpMethod.Get, "/health"), false, expect: 200);
            await CheckAsync(process, anonymous, Request(HttpMethod.Get, "/alive"), false, expect: 200);
            if (routes.Any(r => r.Path == "/openapi/v1.json"))
            {
                await CheckAsync(process, anonymous, Request(HttpMethod.Get, "/openapi/v1.json"), false, expect: 200);
            }

            // A known path with a method it does not take.
            if (routes.FirstOrDefault(r => r.Method == HttpMethod.Get && !routes.Any(o => o.Path == r.Path && o.Method == HttpMethod.Delete)
                    && r.Path.StartsWith("/api/", StringComparison.Ordinal) && process.Name != "gateway") is { Path: { } getOnly })
            {
                await CheckAsync(process, client, Request(HttpMethod.Delete, getOnly), credentialed, expect: 405);
            }

            // A JSON endpoint sent text and broken JSON.
            foreach (var (method, path, _) in routes.Where(r => r.Json).Take(3))
            {
                var text = Request(method, path);
                text.Content = new StringContent("không phải JSON", Encoding.UTF8, "text/plain");
                await CheckAsync(process, client, text, credentialed);
                await CheckAsync(process, client, Request(method, path, "{\"broken\": "), credentialed);
            }
        }

        var web = hosts.Processes.Single(p => p.Name == "web");
        await StaticFileAndNotModifiedAsync(web);
        var gateway = hosts.Processes.Single(p => p.Name == "gateway");
        await CheckAsync(gateway, gateway.Client(null), Request(HttpMethod.Get, "/"), false, expect: 502);

        var owned = new List<IAsyncDisposable>();
        try
        {
            var limited = await HygieneHosts.StartLimitedGatewayAsync(infrastructure, owned);
            using var client = limited.Client(HygieneHosts.Admin);
            var large = Request(HttpMethod.Post, "/api/intake/upload");
            large.Content = new ByteArrayContent(new byte[4096]);
            large.Content.Headers.ContentType = new("application/octet-stream");
            await CheckAsync(limited, client, large, true, expect: 413);
            var limitedSeen = false;
            for (var i = 0; i < 20 && !limitedSeen; i++)
            {
                limitedSeen = await CheckAsync(limited, client, Request(HttpMethod.Get, "/api/intake/units"), true) == 429;
            }
            Assert.True(limitedSeen, "the limited gateway never answered 429");
        }
        finally
        {
            foreach (var o in owned) await o.DisposeAsync();
        }

        var identity = hosts.Processes.Single(p => p.Name == "identity");
        await CheckAsync(identity, identity.Client(null), Request(HttpMethod.Get,
            "/realms/platform/protocol/openid-connect/login-status-iframe.html/init?client_id=platform-web&origin=http%3A%2F%2Flocalhost"), false, expect: 204);

        foreach (var (process, statuses) in _statuses) output.WriteLine($"{process}: {string.Join(' ', statuses)}");
        output.WriteLine($"{_responses} responses checked.");
        var all = _statuses.Values.SelectMany(s => s).ToHashSet();
        foreach (var needed in new[] { 200, 204, 304, 400, 401, 403, 404, 405, 413, 415, 429, 500 })
        {
            Assert.True(all.Contains(needed), $"No response with status {needed} was checked; seen: {string.Join(' ', all.Order())}");
        }
        Assert.True(_failures.Count == 0, $"{_failures.Count} answers without the headers:\n" + string.Join("\n", _failures.Take(60)));
    }

    private async Task StaticFileAndNotModifiedAsync(HostedProcess web)
    {
        using var client = web.Client(null);
        // The "not found" page (404) holds the layout's stylesheet and scripts like every page.
        using var notFound = await client.GetAsync("/khong-co", Cancel);
        var page = await notFound.Content.ReadAsStringAsync(Cancel);
        var asset = ScriptOrStyle().Matches(page).Select(m => m.Groups["href"].Value)
            .FirstOrDefault(h => h.EndsWith(".css", StringComparison.Ordinal) || h.EndsWith(".js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no stylesheet or script on the web application's page");
        var path = "/" + asset.TrimStart('/');
        using var first = await client.SendAsync(Request(HttpMethod.Get, path), Cancel);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException($"{path} has no ETag");
        await CheckAsync(web, client, Request(HttpMethod.Get, path), false, expect: 200);
        var conditional = Request(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        await CheckAsync(web, client, conditional, false, expect: 304);
    }

    [GeneratedRegex("(?:href|src)=\"(?<href>[^\"]+)\"")]
    private static partial Regex ScriptOrStyle();

    /// <summary>The routes of the process's endpoint data source, with sample values for their parameters.</summary>
    internal static IEnumerable<(HttpMethod Method, string Path, bool Json)> Routes(HostedProcess process)
    {
        var source = process.Services.GetRequiredService<EndpointDataSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"];
            var json = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)));
            var path = Fill(endpoint.RoutePattern);
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD"))
            {
                if (seen.Add(method + " " + path)) yield return (new HttpMethod(method), path, json);
            }
        }
    }

    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Sample(parameter),
            _ => "x",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string Sample(RoutePatternParameterPart parameter)
    {
        var constraints = string.Join(' ', parameter.ParameterPolicies.Select(p => p.Content ?? p.ParameterPolicy?.GetType().Name ?? ""));
        if (constraints.Contains("guid", StringComparison.OrdinalIgnoreCase)) return "0f8fad5b-d9cb-469f-a165-70867728950e";
        if (constraints.Contains("int", StringComparison.OrdinalIgnoreCase) || constraints.Contains("long", StringComparison.OrdinalIgnoreCase)) return "2026";
        if (constraints.Contains("date", StringComparison.OrdinalIgnoreCase)) return "2026-01-01";
        if (parameter.Name.Contains("year", StringComparison.OrdinalIgnoreCase)) return "2026";
        if (parameter.Name.Contains("period", StringComparison.OrdinalIgnoreCase) || parameter.Name.Contains("month", StringComparison.OrdinalIgnoreCase)) return "2026-01";
        if (parameter.Name.Contains("documentName", StringComparison.Ordinal)) return "v1";
        if (parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)) return "0f8fad5b-d9cb-469f-a165-70867728950e";
        return "x";
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>Sends, records the status and whether the headers are right; returns the status.</summary>
    private async Task<int> CheckAsync(HostedProcess process, HttpClient client, HttpRequestMessage request, bool credentials, int? expect = null)
    {
        var label = $"{process.Name} {request.Method} {request.RequestUri}";
        var path = request.RequestUri!.OriginalString;
        if (Environment.GetEnvironmentVariable("PLATFORM_HYGIENE_PROGRESS") is { Length: > 0 } progress)
        {
            await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {label}\n", Cancel);
        }
        // A hang check, not a timing: an answer that does not come within a minute is a failure of its own.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, bound.Token);
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
        {
            _failures.Add($"{label}: no answer within 60 s");
            return 0;
        }
        using var _ = response;
        var status = (int)response.StatusCode;
        _responses++;
        if (!_statuses.TryGetValue(process.Name, out var statuses)) _statuses[process.Name] = statuses = [];
        statuses.Add(status);
        if (expect is { } expected && expected != status)
        {
            _failures.Add($"{label}: status {status}, expected {expected}");
        }
        foreach (var problem in Problems(response, path, credentials || request.Headers.Authorization is not null))
        {
            _failures.Add($"{label} → {status}: {problem}");
        }
        request.Dispose();
        return status;
    }

    /// <summary>What is wrong with the answer's headers (nothing when right).</summary>
    internal static IEnumerable<string> Problems(HttpResponseMessage response, string path, bool credentials)
    {
        string? One(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
        if (One("X-Content-Type-Options") != "nosniff") yield return $"X-Content-Type-Options is '{One("X-Content-Type-Options")}'";
        if (One("Referrer-Policy") is not ("no-referrer" or "strict-origin-when-cross-origin" or "same-origin")) yield return $"Referrer-Policy is '{One("Referrer-Policy")}'";
        var csp = One("Content-Security-Policy");
        if (csp is null)
        {
            yield return "no Content-Security-Policy";
            yield break;
        }
        var framed = FramedByDesign.Any(f => path.Contains(f, StringComparison.Ordinal));
        if (!framed && !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) yield return $"CSP without frame-ancestors 'none': {csp}";
        if (!framed && One("X-Frame-Options") != "DENY") yield return $"X-Frame-Options is '{One("X-Frame-Options")}'";
        var html = response.Content.Headers.ContentType?.MediaType == "text/html";
        var script = Regex.Match(csp, "script-src[^;]*").Value;
        if (html && script.Contains("'unsafe-inline'", StringComparison.Ordinal) && !path.StartsWith("/scalar", StringComparison.Ordinal))
        {
            yield return $"an HTML page allowing inline script: {csp}";
        }
        if (!html && !csp.Contains("default-src 'none'", StringComparison.Ordinal) && !csp.Contains("default-src 'self'", StringComparison.Ordinal))
        {
            yield return $"a CSP that does not restrict loading: {csp}";
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var personal = mediaType.Contains("json", StringComparison.Ordinal) || html;
        var cache = response.Headers.CacheControl;
        if (credentials && personal && response.IsSuccessStatusCode
            && !(cache is not null && (cache.NoStore || cache.NoCache || cache.Private)))
        {
            yield return $"an answer to a credentialed request that may be cached: Cache-Control '{cache}'";
        }
    }
}
