namespace Platform.AppHost;

/// <summary>
/// Restarts a project (service, web application, gateway, identity provider) that crashed — exited with a non-zero code
/// — after a back-off that doubles from 1 s to 30 s and starts again from 1 s once it has run for a minute. Aspire leaves
/// a finished process finished; a project stopped on purpose (exit code 0, e.g. from the dashboard) stays stopped.
/// </summary>
internal sealed partial class Supervisor(ResourceNotificationService notifications, ResourceCommandService commands,
    IHostApplicationLifetime lifetime, ILogger<Supervisor> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealthyRun = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (TimeSpan Delay, DateTime? RunningSince, bool Restarting)> _projects = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not ProjectResource || update.Snapshot.State?.Text is not { } state) continue;
            var entry = _projects.GetValueOrDefault(update.ResourceId, (FirstDelay, null, false));
            if (state == KnownResourceStates.Running)
            {
                entry.RunningSince ??= DateTime.UtcNow;
                entry.Restarting = false;
            }
            else if (KnownResourceStates.TerminalStates.Contains(state) && update.Snapshot.ExitCode is { } code and not 0
                     && !entry.Restarting && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                if (entry.RunningSince is { } since && DateTime.UtcNow - since > HealthyRun) entry.Delay = FirstDelay;
                var delay = entry.Delay;
                entry = (TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks)), null, true);
                LogRestart(logger, update.Resource.Name, code, delay.TotalSeconds);
                _ = RestartAsync(update.ResourceId, delay, stoppingToken);
            }
            _projects[update.ResourceId] = entry;
        }
    }

    private async Task RestartAsync(string resourceId, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, cancellationToken);
            if (!result.Success) LogRestartFailed(logger, resourceId, result.Message);
        }
        catch (OperationCanceledException)
        {
            // AppHost is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited with code {ExitCode}; restarting it in {Seconds} s")]
    private static partial void LogRestart(ILogger logger, string resource, int exitCode, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} could not be restarted: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? reason);
}
