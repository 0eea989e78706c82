using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// Waits until every resource is healthy (at most <c>AppHost:StartTimeout</c>, default <see cref="StartTimeout"/>; a
/// busy shared machine may need more, e.g. <c>--AppHost:StartTimeout=00:06:00</c>) and says so: how long it took, where to
/// open the platform and the dashboard. With --smoke it also asks the gateway's <c>/health/all</c>, then stops AppHost
/// with exit code 0 — or 1 naming the resource that failed and why. With --report-memory it prints every process's
/// resident memory once idle.
/// </summary>
internal sealed class StartupReport(AppHostOptions options, DistributedApplicationModel model, DistributedApplicationExecutionContext execution,
    ResourceNotificationService notifications, ResourceLogs logs, IHostApplicationLifetime lifetime, IConfiguration configuration) : BackgroundService
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan IdleBeforeMemory = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _healthyAt = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (execution.IsPublishMode) return;
        var watched = Processes(model).Select(r => r.Name).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timeout = configuration.GetValue<TimeSpan?>("AppHost:StartTimeout") is { } configured && configured > TimeSpan.Zero ? configured : StartTimeout;
        deadline.CancelAfter(timeout);
        var failure = new TaskCompletionSource<(string, IEnumerable<string>)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = WatchAsync(failure, stoppingToken);

        string? reason = null;
        IEnumerable<string> culprits = watched;
        try
        {
            var healthy = Task.WhenAll(watched.Select(name => notifications.WaitForResourceHealthyAsync(name, deadline.Token)));
            var first = await Task.WhenAny(healthy, failure.Task);
            if (first == failure.Task) (reason, culprits) = await failure.Task;
            else await healthy;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var waiting = watched.Where(n => _latest.Values.FirstOrDefault(e => e.Resource.Name == n)?.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).ToList();
            reason = $"not healthy within {timeout.TotalMinutes:0.#} minutes: {string.Join(", ", waiting)}";
            culprits = waiting;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (reason is null)
        {
            Console.WriteLine($"all healthy in {Seconds(_clock.Elapsed)} s ({string.Join(", ",
                _healthyAt.Where(h => watched.Contains(h.Key)).OrderBy(h => h.Value).Select(h => $"{h.Key} {Seconds(h.Value)}"))})");
            Console.WriteLine();
            Console.WriteLine($"Mở nền tảng tại / Open the platform at: {Url("gateway")}");
            if (model.Resources.Any(r => r.Name == PlatformModel.MailCatcherResource))
                Console.WriteLine($"Thư đã gửi (hộp thư thử nghiệm) / Sent mail (SMTP catcher): {Url(PlatformModel.MailCatcherResource)}");
            if (configuration["ASPNETCORE_URLS"]?.Split(';')[0] is { Length: > 0 } dashboard && !options.Smoke)
                Console.WriteLine($"Bảng điều khiển / Dashboard: {dashboard}/login?t={configuration["AppHost:BrowserToken"]}");
            Console.WriteLine();
            if (options.Smoke) reason = await CheckGatewayAsync(stoppingToken);
        }
        if (reason is not null)
        {
            if (options.Smoke) logs.Print(culprits);
            await Console.Error.WriteLineAsync($"error: {reason}");
        }
        if (options.ReportMemory && reason is null)
        {
            await Task.Delay(IdleBeforeMemory, stoppingToken);
            MemoryReport.Print(_latest.Values);
        }
        if (options.Smoke)
        {
            Environment.ExitCode = reason is null ? 0 : 1;
            Console.WriteLine(reason is null ? "--smoke: everything came up healthy; stopping" : "--smoke: failed; stopping");
            lifetime.StopApplication();
        }
    }

    /// <summary>Keeps each resource's latest state, and reports the first that failed to start or crashed while starting.</summary>
    private async Task WatchAsync(TaskCompletionSource<(string, IEnumerable<string>)> failure, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                _latest[update.ResourceId] = update;
                if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    _healthyAt.TryAdd(update.Resource.Name, _clock.Elapsed);
                var state = update.Snapshot.State?.Text;
                if (state == KnownResourceStates.FailedToStart)
                    failure.TrySetResult(($"{update.Resource.Name} failed to start. Fix: read its log in the dashboard or above.", [update.Resource.Name]));
                else if (KnownResourceStates.TerminalStates.Contains(state ?? "") && update.Snapshot.ExitCode is { } code and not 0 && options.Smoke)
                    failure.TrySetResult(($"{update.Resource.Name} exited with code {code} while starting. Fix: read its log above.", [update.Resource.Name]));
            }
        }
        catch (OperationCanceledException)
        {
            // AppHost is stopping.
        }
    }

    private async Task<string?> CheckGatewayAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            using var response = await http.GetAsync($"{Url("gateway")}/health/all", cancellationToken);
            return response.IsSuccessStatusCode ? null
                : $"the gateway's /health/all answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
        catch (HttpRequestException ex)
        {
            return $"the gateway's /health/all did not answer: {ex.Message}";
        }
    }

    /// <summary>
    /// The resources that are processes of ours: projects, executables, containers — not Aspire's hidden "-rebuilder"
    /// executable per project (it runs only on a dashboard rebuild).
    /// </summary>
    public static IEnumerable<IResource> Processes(DistributedApplicationModel model) =>
        model.Resources.Where(r => r is ProjectResource or ExecutableResource or ContainerResource && r is not IResourceWithParent);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private string Url(string resource) =>
        model.Resources.OfType<ProjectResource>().Single(r => r.Name == resource).GetEndpoint("http").Url;
}
