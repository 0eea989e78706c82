using System.Collections.Concurrent;

namespace Platform.AppHost;

/// <summary>
/// With --smoke (no dashboard to read them in) every resource's console output is kept, the last
/// <see cref="LinesKept"/> lines each, so that a failed smoke run prints the logs of exactly the resources that failed.
/// </summary>
internal sealed class ResourceLogs(AppHostOptions options, DistributedApplicationModel model, ResourceLoggerService logs,
    DistributedApplicationExecutionContext execution) : BackgroundService
{
    private const int LinesKept = 200;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new(StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Smoke || execution.IsPublishMode) return Task.CompletedTask;
        return Task.WhenAll(StartupReport.Processes(model).Select(r => KeepAsync(r, stoppingToken)));
    }

    /// <summary>Prints what the named resources wrote, each line prefixed with the resource's name.</summary>
    public void Print(IEnumerable<string> resources)
    {
        foreach (var name in resources)
        {
            if (!_lines.TryGetValue(name, out var lines)) continue;
            Console.Error.WriteLine($"--- {name}: last {lines.Count} lines ---");
            foreach (var line in lines) Console.Error.WriteLine($"[{name}] {line}");
        }
    }

    private async Task KeepAsync(IResource resource, CancellationToken cancellationToken)
    {
        var lines = _lines.GetOrAdd(resource.Name, _ => new ConcurrentQueue<string>());
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue(line.Content);
                    while (lines.Count > LinesKept) lines.TryDequeue(out _);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // AppHost is stopping.
        }
    }
}
