namespace Platform.AppHost;

/// <summary>
/// With --smoke (no dashboard to read them in), every resource's console output on AppHost's own, each line prefixed
/// with the resource's name, so a failure in CI can be read where it happened.
/// </summary>
internal sealed class ResourceLogs(AppHostOptions options, DistributedApplicationModel model, ResourceLoggerService logs,
    DistributedApplicationExecutionContext execution) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Smoke || execution.IsPublishMode) return Task.CompletedTask;
        var width = model.Resources.Max(r => r.Name.Length);
        return Task.WhenAll(model.Resources.Where(r => r is ProjectResource or ExecutableResource or ContainerResource)
            .Select(r => PrintAsync(r, width, stoppingToken)));
    }

    private async Task PrintAsync(IResource resource, int width, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
                foreach (var line in batch)
                    Console.WriteLine($"[{resource.Name.PadRight(width)}] {line.Content}");
        }
        catch (OperationCanceledException)
        {
            // AppHost is stopping.
        }
    }
}
