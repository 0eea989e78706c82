using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;

namespace Platform.Web.Tests;

/// <summary>
/// The gateway as components see it in component tests: canned JSON answers per method and path (query included),
/// every request recorded. Anything not set up answers 404 problem details.
/// </summary>
public sealed class StubGateway : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpMethod, string, (HttpStatusCode Status, string Body)?>> _routes = new();

    public ConcurrentQueue<(HttpMethod Method, string PathAndQuery, string? Body, string? Csrf)> Requests { get; } = new();

    /// <summary>The <c>If-Match</c> of every request that sent one.</summary>
    public ConcurrentQueue<(HttpMethod Method, string PathAndQuery, string IfMatch)> IfMatches { get; } = new();

    public StubGateway Answer(string path, object value, HttpStatusCode status = HttpStatusCode.OK, string method = "GET")
    {
        _answers[$"{method} {path}"] = (status, JsonSerializer.Serialize(value, PlatformApi.Json));
        return this;
    }

    /// <summary>Answers worked out from the request (method, path and query as sent) when no canned answer fits; null: not this route.</summary>
    public StubGateway Route(Func<HttpMethod, string, (HttpStatusCode Status, string Body)?> route)
    {
        _routes.Enqueue(route);
        return this;
    }

    /// <summary>A problem details answer, like the services write them.</summary>
    public StubGateway Problem(string path, HttpStatusCode status, string title, string? detail = null,
        IDictionary<string, string[]>? errors = null, string method = "GET") =>
        Answer(path, new { title, detail, status = (int)status, errors }, status, method);

    /// <summary>The signed-in person <c>GET /api/me</c> describes (and their unit's name).</summary>
    public StubGateway SignedIn(string username, string orgUnit, string unitName, params string[] roles)
    {
        Answer("/api/me", new Me(username, username, orgUnit, roles));
        return Answer($"/api/intake/units/{orgUnit}", new
        {
            code = orgUnit,
            current = new { code = orgUnit, name = unitName, kind = "province", peerGroups = Array.Empty<string>(), validFrom = "2025-07-01", revision = 1 },
            history = Array.Empty<object>(),
        });
    }

    /// <summary>Intake's answer for the person's unit, with its parent (a unit below the national root).</summary>
    public StubGateway UnitWithParent(string code, string name, string parent) => Answer($"/api/intake/units/{code}", new
    {
        code,
        current = new { code, name, kind = "province", parent, peerGroups = new[] { "provinces" }, validFrom = "2025-07-01", revision = 1 },
        history = Array.Empty<object>(),
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, path, body, request.Headers.TryGetValues("X-CSRF", out var csrf) ? csrf.First() : null));
        if (request.Headers.TryGetValues("If-Match", out var ifMatch)) IfMatches.Enqueue((request.Method, path, ifMatch.First()));
        var (status, answer) = _answers.TryGetValue($"{request.Method} {path}", out var found) ? found
            : _routes.Select(route => route(request.Method, path)).FirstOrDefault(a => a is not null)
              ?? (HttpStatusCode.NotFound, """{"title":"Không tìm thấy dữ liệu.","status":404}""");
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}

public static class BunitContextExtensions
{
    /// <summary>
    /// Registers the web application's API client against <paramref name="gateway"/>, which also serves intake's framework
    /// versions (the engine's shipped ones, <see cref="ShippedDefinitions"/>) unless a test answers those paths itself.
    /// </summary>
    public static StubGateway UseStubGateway(this BunitContext context, StubGateway? gateway = null)
    {
        gateway ??= new StubGateway();
        gateway.ServeShippedFrameworks();
        context.Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        context.Services.AddScoped(sp => new PlatformApi(
            new HttpClient(gateway, disposeHandler: false) { BaseAddress = new Uri("http://gateway") },
            sp.GetRequiredService<IHttpContextAccessor>()));
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddSingleton(sp => new FrameworkCache(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        context.Services.AddScoped<FrameworkClient>();
        return gateway;
    }
}
