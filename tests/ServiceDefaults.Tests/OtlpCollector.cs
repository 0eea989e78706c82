using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.TestSupport;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Stands in for the dashboard's OTLP endpoint (OTLP over HTTP, protobuf): keeps every export it receives by signal
/// (<c>traces</c>, <c>metrics</c>, <c>logs</c>) and answers 200 with an empty response, which tells the exporter
/// everything was accepted.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();
    private WebApplication _app = null!;

    private OtlpCollector()
    {
    }

    public string Address => _app.Urls.First();

    public static async Task<OtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var collector = new OtlpCollector();
        collector._app = await StandIn.StartAsync(0, app => app.MapPost("/v1/{signal}", collector.ReceiveAsync),
            builder => builder.Logging.ClearProviders(), cancellationToken);
        return collector;
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        _received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>Every export of one signal, concatenated: protobuf keeps strings as UTF-8, so names can be searched for.</summary>
    public string Received(string signal) =>
        _received.TryGetValue(signal, out var exports)
            ? string.Concat(exports.Select(e => System.Text.Encoding.UTF8.GetString(e)))
            : "";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
