using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Gateway.Protections;

/// <summary>
/// <c>GET /health/all</c>: asks every service the gateway routes to for its <c>/health</c> (through service
/// discovery, 5 s each, in parallel) and reports each one and the whole: Healthy (200) only when all are.
/// <c>GET /trang-thai</c> shows the same in Vietnamese for people.
/// </summary>
internal static class AggregatedHealth
{
    public const string ClientName = "gateway-health";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public sealed record ServiceHealth(string Status, int? HttpStatus, double DurationMs, string? Error);

    public sealed record Report(string Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, ServiceHealth> Services);

    public static IServiceCollection AddAggregatedHealth(this IServiceCollection services)
    {
        // One attempt with its own timeout: a stopped service must show as down quickly, not after retries.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it only drops the default retries here.
        services.AddHttpClient(ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }

    public static WebApplication MapAggregatedHealth(this WebApplication app)
    {
        app.MapGet("/health/all", async (IConfiguration configuration, IHttpClientFactory clients, TimeProvider clock, HttpContext context) =>
        {
            var report = await CheckAsync(configuration, clients, clock, context.RequestAborted);
            return TypedResults.Json(report, JsonSerializerOptions.Web, statusCode: StatusOf(report));
        }).AllowAnonymous();

        app.MapGet("/trang-thai", async (IConfiguration configuration, IHttpClientFactory clients, TimeProvider clock, HttpContext context) =>
        {
            var report = await CheckAsync(configuration, clients, clock, context.RequestAborted);
            context.Response.StatusCode = StatusOf(report);
            return TypedResults.Content(Html(report), "text/html; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    private static int StatusOf(Report report) =>
        report.Status == "Healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;

    /// <summary>The services: every cluster of <c>ReverseProxy:Clusters</c>, at its first destination's address.</summary>
    public static async Task<Report> CheckAsync(IConfiguration configuration, IHttpClientFactory clients, TimeProvider clock, CancellationToken cancellationToken)
    {
        var targets = configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .Select(cluster => (Name: cluster.Key, Address: cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))))
            .Where(t => t.Address is not null)
            .ToList();
        var client = clients.CreateClient(ClientName);
        var results = await Task.WhenAll(targets.Select(async t => (t.Name, Health: await CheckOneAsync(client, t.Address!, cancellationToken))));
        var services = results.OrderBy(r => r.Name, StringComparer.Ordinal).ToDictionary(r => r.Name, r => r.Health);
        var status = services.Values.All(s => s.Status == "Healthy") ? "Healthy" : "Unhealthy";
        return new Report(status, clock.GetUtcNow(), services);
    }

    private static async Task<ServiceHealth> CheckOneAsync(HttpClient client, string address, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(address), "/health"), timeout.Token);
            var status = "Unhealthy";
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
                if (body.RootElement.TryGetProperty("status", out var s) && s.GetString() is { } reported) status = reported;
            }
            else if (response.StatusCode == HttpStatusCode.OK)
            {
                status = "Healthy";
            }
            return new ServiceHealth(status, (int)response.StatusCode, Elapsed(started), null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            var error = e is OperationCanceledException ? "timeout" : e.Message;
            return new ServiceHealth("Unhealthy", null, Elapsed(started), error);
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    private static string Html(Report report)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var vietnamTime = report.CheckedAt.ToOffset(TimeSpan.FromHours(7));
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tình trạng hệ thống</title></head><body>");
        html.Append("<h1>Tình trạng hệ thống: ").Append(report.Status == "Healthy" ? "hoạt động bình thường" : "có dịch vụ gặp sự cố").Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Kiểm tra lúc {vietnamTime.ToString("HH:mm:ss dd/MM/yyyy", vi)} (giờ Việt Nam).</p>");
        html.Append("<table><thead><tr><th>Dịch vụ</th><th>Trạng thái</th><th>Thời gian phản hồi (ms)</th></tr></thead><tbody>");
        foreach (var (name, health) in report.Services)
        {
            var state = health.Status switch
            {
                "Healthy" => "Hoạt động",
                "Degraded" => "Suy giảm",
                _ => "Không hoạt động",
            };
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(state)
                .Append("</td><td>").Append(health.DurationMs.ToString("#,##0.#", vi)).Append("</td></tr>");
        }
        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }
}
