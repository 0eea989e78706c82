extern alias apphost;

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.PlatformHarness.Telemetry;
using Platform.ServiceDefaults.Time;
using Xunit;

namespace Platform.PlatformHarness;

/// <summary>
/// The whole platform as <c>dotnet run --project AppHost</c> starts it — local PostgreSQL and RabbitMQ processes, the
/// development identity provider, the five services, the web application and the gateway — started once per test
/// assembly with Aspire's test harness (<c>DistributedApplicationTestingBuilder</c>) from the real AppHost, on free
/// ports and a throwaway data folder. Register with <c>[assembly: AssemblyFixture(typeof(AspirePlatform))]</c>.
/// <para>
/// The services and the web application read "now" from one clock file (<see cref="FileClock"/>, Development only), so
/// a test can stand before a reporting deadline and then move past it; intake looks for due periods every second. The
/// gateway and the identity provider keep the real clock (cookies and tokens, see <see cref="InitializeAsync"/>).
/// </para>
/// </summary>
public sealed class AspirePlatform : IAsyncLifetime
{
    /// <summary>10:00 on 2 February 2026, Vietnam time: January 2026 is open for agencies until the 3rd.</summary>
    public static readonly DateTimeOffset Start = new(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A generous bound for a platform starting while other test assemblies load the 2 cores (not a speed check).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] Resources =
        ["postgres", "messaging", "identity", "intake", "monthly-scoring", "dx-index", "notifications", "reporting", "web", "gateway"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-aspire-" + Guid.NewGuid().ToString("N")[..12]);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Where people and machines reach the platform.</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>The development identity provider (realm <c>platform</c>).</summary>
    public Uri IdentityUrl { get; private set; } = null!;

    /// <summary>Where every project exports its telemetry (OTLP over HTTP); the spans are kept.</summary>
    public TraceCollector Traces { get; private set; } = null!;

    /// <summary>The file the services' and the web application's clock reads (not the gateway's, not the identity provider's).</summary>
    public string ClockFile => Path.Combine(_root, "clock");

    /// <summary>Sets "now" for the services and the web application at once.</summary>
    public void SetNow(DateTimeOffset instant) => FileClock.Set(ClockFile, instant);

    /// <summary>"Now" as the services and the web application see it.</summary>
    public DateTimeOffset Now => new FileClock(ClockFile).GetUtcNow();

    /// <summary>A connection string the AppHost hands a service: <c>intakedb</c>, <c>monthlyscoringdb</c>, …, <c>messaging</c>.</summary>
    public async Task<string> ConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"AppHost has no connection string '{name}'.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        SetNow(Start);
        using var timeout = new CancellationTokenSource(StartTimeout);
        Traces = await TraceCollector.StartAsync(timeout.Token);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Program>(
            ["--data-dir", Path.Combine(_root, "data"), "--infrastructure", "processes"], timeout.Token);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithEnvironment("Platform__Clock__File", ClockFile)
                // Instead of the dashboard the harness turns off (Aspire would still point them at localhost:4317).
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Address)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "intake"))
            .WithEnvironment("Intake__PeriodCloser__Interval", "00:00:01");
        // The gateway and the identity provider keep the real clock: a browser judges their cookies' expiry by its own, real
        // clock (a sign-in correlation cookie set to expire in February 2026 is dropped at once: "Correlation failed"), and
        // the tokens the identity provider signs must be valid now for the gateway that receives them.
        foreach (var name in (string[])["gateway", "identity"])
            builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name))
                .WithEnvironment(context => context.EnvironmentVariables.Remove("Platform__Clock__File"));

        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        using var started = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var failed = FirstFailureAsync(started.Token);
        var healthy = Task.WhenAll(Resources.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, started.Token)));
        if (await Task.WhenAny(healthy, failed) == failed && await failed is { } failure)
            throw new InvalidOperationException($"The platform did not start: {failure}. Its log is in the test output above.");
        await healthy;
        await started.CancelAsync();
        GatewayUrl = App.GetEndpoint("gateway", "http");
        IdentityUrl = App.GetEndpoint("identity", "http");
    }

    /// <summary>The first resource of ours that failed to start, or server that exited, while starting (its name and why), rather than waiting out the timeout.</summary>
    private async Task<string?> FirstFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
            {
                if (!Resources.Contains(update.Resource.Name) || update.Snapshot.State?.Text is not { } state) continue;
                if (state == KnownResourceStates.FailedToStart) return $"{update.Resource.Name} failed to start";
                // A project that exits is restarted by AppHost's supervisor; PostgreSQL, RabbitMQ and epmd are not.
                if (update.Resource is not ProjectResource && KnownResourceStates.TerminalStates.Contains(state))
                    return $"{update.Resource.Name} exited with code {update.Snapshot.ExitCode}";
            }
        }
        catch (OperationCanceledException)
        {
            // Everything came up, or the start timed out.
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (Traces is not null) await Traces.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing a file: the temp folder is cleaned by the machine.
        }
    }
}
