using System.Diagnostics;
using System.Net;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>
/// Start order, supervision and stopping: infrastructure, then the five services (and the identity provider) in parallel, each
/// waited for until its /health answers 200, then the gateway. A failure during start-up is fatal
/// (nothing is left half-started); after start-up, crashed services are restarted. Disposing stops
/// everything in reverse order: gateway, services, RabbitMQ and PostgreSQL.
/// </summary>
internal sealed class Orchestrator(AppHostOptions options, Shutdown shutdown) : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MemoryReportDelay = TimeSpan.FromSeconds(10);
    private const int PreferredGatewayPort = 8080;

    private readonly StatusTable _table = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ServiceProcess> _services = [];
    private readonly HashSet<int> _chosenPorts = [];
    private ServiceProcess? _gateway;
    private Infrastructure? _infrastructure;
    private int _stopped;

    private IEnumerable<ServiceProcess> Projects => _gateway is null ? _services : [.. _services, _gateway];

    /// <returns>0 when stopped normally (or --smoke succeeded), 130 when interrupted during start-up.</returns>
    public async Task<int> RunAsync()
    {
        var stopping = shutdown.Stopping;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopNow();
        // Every process of this run inherits the marker, including PostgreSQL and RabbitMQ.
        Environment.SetEnvironmentVariable(AppHostOptions.RunIdVariable, options.RunId);
        try
        {
            // Everything that can be checked is checked before anything starts.
            var dlls = FindBuiltProjects();
            Infrastructure.CheckConfiguredPorts(options);
            if (options.GatewayPort is { } gatewayPort) Ports.Choose(gatewayPort, "Gateway:Port");
            if (options.PostgresConnectionString is null || options.MessagingConnectionString is null)
            {
                if (options.Fresh) Infrastructure.WipeDataDirectory(options.DataDirectory);
                Output.AppHost($"data folder: {options.DataDirectory}");
            }
            Output.AppHost($"environment {options.EnvironmentName}, services from bin/{options.BuildConfiguration}, run {options.RunId}");

            _table.Add(Resources.Postgres);
            _table.Add(Resources.Messaging);
            foreach (var project in Resources.Projects) _table.Add(project.Name);

            _infrastructure = await Infrastructure.StartAsync(options, _table);
            var infrastructureReady = _clock.Elapsed;
            Output.AppHost($"infrastructure ready in {infrastructureReady.TotalSeconds:0.0} s");
            stopping.ThrowIfCancellationRequested();

            CreateProjects(_infrastructure, dlls);
            await StartServicesAsync(stopping);
            var servicesReady = _clock.Elapsed;
            await StartAsync(_gateway!, stopping);
            var allHealthy = _clock.Elapsed;

            _table.GoLive();
            Output.AppHost($"all healthy in {allHealthy.TotalSeconds:0.0} s (infrastructure {infrastructureReady.TotalSeconds:0.0} s, " +
                $"services +{(servicesReady - infrastructureReady).TotalSeconds:0.0} s, gateway +{(allHealthy - servicesReady).TotalSeconds:0.0} s)");
            Output.AppHost("");
            Output.AppHost($"Mở nền tảng tại / Open the platform at: {_gateway!.Url}");
            Output.AppHost("");

            if (options.Smoke)
            {
                await CheckGatewayRoutesAsync(stopping);
                if (options.ReportMemory) await Task.Delay(MemoryReportDelay, stopping);
                PrintMemory();
                Output.AppHost("--smoke: everything came up healthy; stopping");
                return 0;
            }

            Output.AppHost("Press Ctrl+C to stop everything.");
            await Task.WhenAll([
                .. Projects.Select(p => p.SuperviseAsync(stopping)),
                WatchInfrastructureAsync(_infrastructure, stopping),
                options.ReportMemory ? PrintMemoryLaterAsync(stopping) : Task.CompletedTask,
            ]);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            if (_table.AllHealthy() && !options.Smoke) return 0;
            Output.AppHost("interrupted during start-up");
            return 130;
        }
        catch (ResourceFailedException ex)
        {
            Output.AppHost($"{ex.Resource} failed during start-up; nothing is left half-started. Its last output:");
            Output.AppHost(ex.LastLines.Select(l => $"  | {l}"));
            throw;
        }
    }

    /// <summary>Path of each project's built dll; all missing ones are named in one message.</summary>
    private Dictionary<string, string> FindBuiltProjects()
    {
        // ".NETCoreApp,Version=v10.0" -> "net10.0": services are built for the same framework as AppHost.
        var framework = "net" + AppContext.TargetFrameworkName!.Split("Version=v")[1];
        var dlls = Resources.Projects.ToDictionary(
            p => p.Name,
            p => Path.Combine(options.RepositoryRoot, p.ProjectFolder, "bin", options.BuildConfiguration, framework, p.AssemblyName + ".dll"));
        var missing = Resources.Projects.Where(p => !File.Exists(dlls[p.Name])).ToList();
        if (missing.Count > 0)
        {
            throw new InfrastructureException(
                $"{string.Join(", ", missing.Select(p => Path.GetRelativePath(options.RepositoryRoot, dlls[p.Name])))} not built. " +
                $"Fix: run 'dotnet build AppHost{(options.BuildConfiguration == "Debug" ? "" : " -c " + options.BuildConfiguration)}' " +
                $"in {options.RepositoryRoot}; it builds every service ({string.Join(", ", missing.Select(p => p.ProjectFolder))} among them).");
        }
        return dlls;
    }

    /// <summary>Ports and variables of every project, chosen once: a restarted service keeps them.</summary>
    private void CreateProjects(Infrastructure infrastructure, Dictionary<string, string> dlls)
    {
        var ports = Resources.Services.Append(Resources.Identity).Append(Resources.Web).ToDictionary(s => s.Name, _ => FreePort());
        var identityUrl = $"http://127.0.0.1:{ports[Resources.Identity.Name]}";
        ports[Resources.Gateway.Name] = options.GatewayPort is { } configured
            ? Ports.Choose(configured, "Gateway:Port")
            : !options.Smoke && Ports.IsFree(PreferredGatewayPort) ? PreferredGatewayPort : FreePort();

        foreach (var project in Resources.Projects)
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[project.Name]}",
                ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
                ["OTEL_SERVICE_NAME"] = project.Name,
                ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
                [AppHostOptions.RunIdVariable] = options.RunId,
            };
            if (options.DotnetEnvironment is { } dotnetEnvironment) environment["DOTNET_ENVIRONMENT"] = dotnetEnvironment;
            if (options.OtlpEndpoint is { } otlp) environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            if (project.Database is { } database)
            {
                environment[$"ConnectionStrings__{database}"] = infrastructure.DatabaseConnectionString(database);
                environment["ConnectionStrings__messaging"] = infrastructure.MessagingConnectionString;
            }
            // Tokens: the identity provider's issuer is its own URL; everyone else validates against it.
            if (project == Resources.Identity)
            {
                environment["IdentityProvider__PublicUrl"] = identityUrl;
            }
            else
            {
                environment["Keycloak__AuthServerUrl"] = identityUrl;
                environment["Keycloak__Realm"] = Resources.Realm;
                environment["Keycloak__Resource"] = Resources.ApiAudience;
            }
            // Browser sign-in at the gateway: the realm file's confidential web client (development secret).
            if (project == Resources.Gateway)
            {
                environment["Gateway__Oidc__ClientId"] = "platform-web";
                environment["Gateway__Oidc__ClientSecret"] = "dev-only-platform-web-secret";
                // The web application calls on behalf of every signed-in person from 127.0.0.1 and names the browser
                // in X-Forwarded-For; counted per person, not as one caller (docs/security.md, rate limits).
                environment["Gateway__RateLimit__TrustedForwarders__0"] = "127.0.0.1";
            }
            // Service discovery (Microsoft.Extensions.ServiceDiscovery), as Aspire's WithReference writes it.
            foreach (var (name, port) in ports) environment[$"services__{name}__http__0"] = $"http://127.0.0.1:{port}";

            var process = new ServiceProcess(project, dlls[project.Name], Path.Combine(options.RepositoryRoot, project.ProjectFolder),
                ports[project.Name], environment, _table);
            _table.Update(project.Name, url: process.Url);
            if (project == Resources.Gateway) _gateway = process;
            else _services.Add(process);
        }
    }

    private int FreePort()
    {
        int port;
        do port = Ports.GetFree();
        while (!_chosenPorts.Add(port) || port == PreferredGatewayPort);
        return port;
    }

    /// <summary>The five services and the identity provider in parallel; the first failure ends start-up.</summary>
    private async Task StartServicesAsync(CancellationToken stopping)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var starting = _services.Select(s => StartAsync(s, failFast.Token)).ToList();
        while (starting.Count > 0)
        {
            var done = await Task.WhenAny(starting);
            starting.Remove(done);
            if (!done.IsCompletedSuccessfully)
            {
                await failFast.CancelAsync();
                await done; // throws its failure
            }
        }
    }

    private async Task StartAsync(ServiceProcess process, CancellationToken cancellationToken)
    {
        var started = _clock.Elapsed;
        process.Start();
        await process.WaitUntilHealthyAsync(HealthTimeout, cancellationToken);
        var healthy = _clock.Elapsed;
        Output.AppHost($"{process.Name} is healthy at {process.Url} ({(healthy - started).TotalSeconds:0.0} s after its start, {healthy.TotalSeconds:0.0} s after AppHost's)");
    }

    /// <summary>--smoke: the gateway reaches every service (a 5xx from it means it cannot find or reach one).</summary>
    private async Task CheckGatewayRoutesAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _services.Where(s => s.Name != Resources.Identity.Name))
        {
            var path = service.Name == Resources.Web.Name ? "/" : $"/api/{service.Name}";
            var (status, body) = await HealthProbe.GetAsync(_gateway!.Url + path, cancellationToken);
            Output.AppHost($"gateway {path} -> {(status is null ? body : $"{(int)status} {status}")}");
            if (status is null || status >= HttpStatusCode.InternalServerError)
            {
                throw new ResourceFailedException(Resources.Gateway.Name,
                    $"The gateway does not reach {service.Name}: GET {_gateway.Url}{path} answered {(status is null ? body : $"{(int)status} {body}")}. " +
                    $"Fix: check the ReverseProxy section of src/Gateway/appsettings.json and the services__{service.Name}__http__0 variable AppHost sets.",
                    []);
            }
        }
    }

    /// <summary>After start-up: PostgreSQL and RabbitMQ accept connections (every 5 s; shown in the table).</summary>
    private async Task WatchInfrastructureAsync(Infrastructure infrastructure, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stopping);
                var postgres = await HealthProbe.AcceptsTcpAsync(infrastructure.PostgresEndpoint.Host, infrastructure.PostgresEndpoint.Port, stopping);
                _table.Update(Resources.Postgres, health: postgres ? Health.Healthy : Health.Unhealthy);
                var messaging = await HealthProbe.AcceptsTcpAsync(infrastructure.MessagingEndpoint.Host, infrastructure.MessagingEndpoint.Port, stopping);
                _table.Update(Resources.Messaging, health: messaging ? Health.Healthy : Health.Unhealthy);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PrintMemoryLaterAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(MemoryReportDelay, stopping);
            PrintMemory();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Resident memory (VmRSS) of every process AppHost started.</summary>
    private void PrintMemory()
    {
        var rows = Projects.Select(p => (p.Name, Pid: p.ProcessId, Note: "")).ToList();
        if (_infrastructure?.LocalPostgres is { } postgres)
        {
            rows.Add((Resources.Postgres, ProcessMemory.FromPidFile(Path.Combine(postgres.Directory, "data", "postmaster.pid")), " (postmaster only)"));
        }
        if (_infrastructure?.LocalRabbitMq is { } rabbitMq)
        {
            rows.Add((Resources.Messaging, ProcessMemory.FromPidFile(Path.Combine(rabbitMq.Directory, "rabbitmq.pid")), " (beam.smp)"));
        }
        var sizes = rows.Select(r => (r.Name, r.Pid, r.Note, Kilobytes: r.Pid is { } pid ? ProcessMemory.ResidentKilobytes(pid) : null)).ToList();
        List<string> lines = [$"resident memory (VmRSS) {_clock.Elapsed.TotalSeconds:0.0} s after start:"];
        lines.AddRange(sizes.Select(s => $"  {s.Name,-Output.NameWidth}  {ProcessMemory.Describe(s.Kilobytes),10}  pid {s.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{s.Note}"));
        lines.Add($"  {".NET total",-Output.NameWidth}  {ProcessMemory.Describe(sizes.Take(_services.Count + 1).Sum(s => s.Kilobytes ?? 0)),10}");
        Output.AppHost(lines);
    }

    /// <summary>Stops everything, in reverse order of starting: gateway, services, then RabbitMQ and PostgreSQL.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        if (_infrastructure is null && _services.Count == 0) return; // nothing was started
        _table.GoQuiet();
        var clock = Stopwatch.StartNew();
        Output.AppHost("stopping everything...");
        if (_gateway is not null) await _gateway.StopAsync(StopGrace, shutdown.Hurry);
        await Task.WhenAll(_services.Select(s => s.StopAsync(StopGrace, shutdown.Hurry)));
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
        Output.AppHost($"stopped everything in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>AppHost is exiting without having stopped (should not happen): kill the services, stop the servers.</summary>
    private void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        foreach (var project in Projects) project.Kill();
        _infrastructure?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
    }
}
