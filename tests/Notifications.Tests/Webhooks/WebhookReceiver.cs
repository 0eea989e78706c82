using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.TestSupport;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>One request as the subscriber's endpoint received it.</summary>
internal sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// An outside system's webhook endpoint: a real HTTP listener (Kestrel on 127.0.0.1) that keeps every request and answers
/// with the statuses the test queues (200 once they run out).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>The status every request gets once the queued ones run out.</summary>
    public int Otherwise { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._app = await StandIn.StartAsync(0, app => app.MapPost("/hooks/platform", receiver.ReceiveAsync));
        receiver.Url = receiver._app.Urls.Single().TrimEnd('/') + "/hooks/platform";
        return receiver;
    }

    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses) _statuses.Enqueue(status);
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        _received.Enqueue(new ReceivedRequest(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        var status = _statuses.TryDequeue(out var queued) ? queued : Otherwise;
        return Results.Text(status >= 300 ? $"trả lời thử {status}" : "ok", statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
