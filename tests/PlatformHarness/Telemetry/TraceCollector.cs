using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.TestSupport;

namespace Platform.PlatformHarness.Telemetry;

/// <summary>
/// Stands in for the dashboard's OTLP endpoint (OTLP over HTTP, protobuf), which Aspire's test harness turns off:
/// every project of the platform exports here, and the spans are kept for tests to read — a trace across processes as
/// the dashboard would show it. Metrics and logs are accepted and dropped.
/// </summary>
public sealed class TraceCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private readonly ConcurrentQueue<string> _rejected = new();
    private WebApplication _app = null!;

    private TraceCollector()
    {
    }

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public string Address => _app.Urls.First();

    /// <summary>Every span received so far, in the order they arrived.</summary>
    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    /// <summary>Exports that could not be read (there should be none).</summary>
    public IReadOnlyList<string> Rejected => [.. _rejected];

    public static async Task<TraceCollector> StartAsync(CancellationToken cancellationToken)
    {
        var collector = new TraceCollector();
        collector._app = await StandIn.StartAsync(0, app =>
        {
            app.MapPost("/v1/traces", collector.ReceiveAsync);
            app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        }, builder => builder.Logging.ClearProviders(), cancellationToken);
        return collector;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        try
        {
            foreach (var span in ExportedSpan.Parse(body.ToArray())) _spans.Enqueue(span);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            _rejected.Enqueue(ex.Message);
            return Results.BadRequest();
        }
        // An empty ExportTraceServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>
    /// <paramref name="span"/>, its parent, the parent's parent… as far as they have arrived, child first; the last one
    /// is the root of the trace when its <see cref="ExportedSpan.ParentSpanId"/> is none.
    /// </summary>
    public IReadOnlyList<ExportedSpan> Ancestry(ExportedSpan span)
    {
        var trace = new Dictionary<ActivitySpanId, ExportedSpan>();
        foreach (var s in _spans.Where(s => s.TraceId == span.TraceId)) trace.TryAdd(s.SpanId, s);
        var chain = new List<ExportedSpan> { span };
        while (chain[^1].ParentSpanId != default && trace.TryGetValue(chain[^1].ParentSpanId, out var parent) && chain.Count <= trace.Count)
            chain.Add(parent);
        return chain;
    }

    /// <summary>A chain as one line per span, for assertion messages.</summary>
    public static string Describe(IEnumerable<ExportedSpan> chain) => string.Join(Environment.NewLine, chain);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
