extern alias intake;
extern alias scoring;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.LocalInfrastructure;
using RabbitMQ.Client;
using Xunit;
using IntakeDb = intake::Platform.Intake.Data.IntakeDbContext;
using IntakeProgram = intake::Program;
using ScoringDb = scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext;
using ScoringProgram = scoring::Program;

[assembly: AssemblyFixture(typeof(Platform.Federation.Tests.FederationWorld))]

namespace Platform.Federation.Tests;

/// <summary>
/// Two deployments on this machine: the centre (PostgreSQL, a broker with an AMQPS listener and its certificate, intake
/// with the federation gate for <c>lao-cai</c>, monthly scoring) and Lào Cai (a broker with the shovel plugin and its own
/// intake, tenant <c>lao-cai</c>, on a database of its own), linked by deploy/federation's scripts through a
/// <see cref="LinkProxy"/> the tests cut. Both deployments share the PostgreSQL server, not a database.
/// </summary>
public sealed class FederationWorld : IAsyncLifetime
{
    public const string Province = "lao-cai";
    public const string VirtualHost = "platform";

    /// <summary>The centre's intake starts at 10:00 on 4 February 2026 in Vietnam: 2026-01 is still open nationally (due before the 5th).</summary>
    public static readonly DateTimeOffset IntakeNow = new(2026, 2, 4, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Lào Cai's intake starts at 10:00 on 2 February 2026 in Vietnam: its departments may still report 2026-01 (due before the 3rd).</summary>
    public static readonly DateTimeOffset ProvinceNow = new(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-federation-" + Guid.NewGuid().ToString("N")[..10]);
    private IBusControl? _provinceBus;
    private IConnection? _provinceConnection;

    /// <summary>Lào Cai's broker password at the centre (user <c>province.lao-cai</c>).</summary>
    public string ProvincePassword { get; } = "p-" + Guid.NewGuid().ToString("N");

    public PostgresServer Postgres { get; private set; } = null!;

    /// <summary>Folder for whatever else a test keeps on disk; removed with the fixture.</summary>
    public string Root => _root;
    public RabbitMqBroker Centre { get; private set; } = null!;
    public RabbitMqBroker ProvinceBroker { get; private set; } = null!;
    internal LinkProxy Link { get; private set; } = null!;
    internal ServiceHost<IntakeProgram, IntakeDb> Intake { get; private set; } = null!;
    internal ServiceHost<ScoringProgram, ScoringDb> Scoring { get; private set; } = null!;

    /// <summary>Lào Cai's own intake (<c>Intake:Tenant=lao-cai</c>) on Lào Cai's broker: its approvals leave through its outbox.</summary>
    internal ServiceHost<IntakeProgram, IntakeDb> ProvinceIntake { get; private set; } = null!;

    /// <summary>How often the centre's gate finished with each message id.</summary>
    internal ConsumeCounter Gate { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        // deploy/federation's scripts talk to the management API with curl and read JSON with jq.
        await DebianPackages.CommandAsync("/usr/bin/curl", "curl", _ => { }, CancellationToken.None);
        await DebianPackages.CommandAsync("/usr/bin/jq", "jq", _ => { }, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAsync().AsTask().GetAwaiter().GetResult();
        var certificates = Certificates.Write(Path.Combine(_root, "tls"));
        var postgres = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(_root, "postgres"), Throwaway = true });
        var centre = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions
        {
            Directory = Path.Combine(_root, "centre-rabbitmq"), ManagementPort = 0,
            Tls = new RabbitMqTlsOptions { CertificateFile = certificates.CertificateFile, KeyFile = certificates.KeyFile, CaCertificateFile = certificates.CaFile },
        });
        var province = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions
        {
            Directory = Path.Combine(_root, "province-rabbitmq"), ManagementPort = 0, Plugins = ["rabbitmq_shovel", "rabbitmq_shovel_management"],
        });
        Postgres = await postgres;
        Centre = await centre;
        ProvinceBroker = await province;
        await Centre.AddVirtualHostAsync(VirtualHost);
        await ProvinceBroker.AddVirtualHostAsync(VirtualHost);
        Link = new LinkProxy(Centre.TlsPort!.Value, Ports.GetFree());
        Link.Restore();

        var password = ProvincePassword;
        await RunScriptAsync("centre-add-province.sh", Centre, new() { ["PROVINCE_AMQP_PASSWORD"] = password });

        // Lào Cai's intake starts beside the centre's services: a deployment of its own, as deploy/README.md's province.
        var provinceIntake = Task.Run(() => ProvinceIntake = ServiceHost.Start<IntakeProgram, IntakeDb>(new Dictionary<string, string>
        {
            ["ConnectionStrings:intakedb"] = Database("province_intake"),
            ["ConnectionStrings:messaging"] = ProvinceBroker.ConnectionString(VirtualHost),
            ["Intake:Tenant"] = Province,
        }, now: ProvinceNow));

        // Monthly scoring listens before intake starts, so intake's unit registrations reach it.
        Scoring = ServiceHost.Start<ScoringProgram, ScoringDb>(new Dictionary<string, string>
        {
            ["ConnectionStrings:monthlyscoringdb"] = Database("centre_scoring"),
            ["ConnectionStrings:messaging"] = Centre.ConnectionString(VirtualHost),
        });
        await HealthyAsync(Scoring.Services);
        Intake = ServiceHost.Start<IntakeProgram, IntakeDb>(new Dictionary<string, string>
        {
            ["ConnectionStrings:intakedb"] = Database("centre_intake"),
            ["ConnectionStrings:messaging"] = Centre.ConnectionString(VirtualHost),
            ["Intake:Federation:Provinces:0"] = Province,
        }, now: IntakeNow);
        Intake.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Gate);
        await HealthyAsync(Intake.Services);
        await provinceIntake;
        await HealthyAsync(ProvinceIntake.Services);

        await RunScriptAsync("province-link.sh", ProvinceBroker, new()
        {
            ["PROVINCE_AMQP_PASSWORD"] = password,
            ["CENTRE_HOST"] = Certificates.CentreHost,
            ["CENTRE_ADDRESS"] = $"127.0.0.1:{Link.Port}",
            ["CENTRE_CA_FILE"] = certificates.CaFile,
            ["RECONNECT_DELAY"] = "1",
        });
        await Eventually.WaitForAsync(ShovelStatesAsync, s => s.Count == 4 && s.All(x => x == "running"), TimeSpan.FromSeconds(60),
            "the four shovels running");

        _provinceConnection = await new ConnectionFactory { Uri = new Uri(ProvinceBroker.ConnectionString(VirtualHost)) }.CreateConnectionAsync();
        await using (var channel = await _provinceConnection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("test.scores-published", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync("test.scores-published", "Platform.Contracts:ScoresPublished", "");
        }
        _provinceBus = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(new Uri(ProvinceBroker.ConnectionString(VirtualHost))));
        await _provinceBus.StartAsync();

        await Eventually.WaitForAsync(async () =>
        {
            await using var db = Scoring.Db();
            return await db.Units.CountAsync(u => u.Code == "lao-cai" || u.Code == "thanh-hoa" || u.Code == "vn");
        }, n => n == 3, TimeSpan.FromSeconds(60), "the centre's units at monthly scoring");
    }

    /// <summary>Publishes on Lào Cai's broker as its intake's outbox relay does (with <paramref name="messageId"/> to send one again).</summary>
    public async Task<Guid> PublishAtProvinceAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await _provinceBus!.Publish(message, c => c.MessageId = id, TestContext.Current.CancellationToken);
        return id;
    }

    public async Task<uint> ProvinceQueueDepthAsync(string queue)
    {
        await using var channel = await _provinceConnection!.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>The next message of a queue on Lào Cai's broker (waiting for it), as its MassTransit envelope.</summary>
    public async Task<JsonElement> ReceiveAtProvinceAsync(string queue)
    {
        await using var channel = await _provinceConnection!.CreateChannelAsync();
        var delivery = await Eventually.WaitForAsync(() => channel.BasicGetAsync(queue, autoAck: true), d => d is not null, TimeSpan.FromSeconds(60),
            $"a message in {queue} on the province's broker");
        return JsonDocument.Parse(Encoding.UTF8.GetString(delivery!.Body.Span)).RootElement.Clone();
    }

    private string Database(string prefix) =>
        Postgres.ConnectionString($"{prefix}_{Guid.NewGuid().ToString("N")[..6]}") + ";Connection Idle Lifetime=5;Connection Pruning Interval=1";

    private static async Task HealthyAsync(IServiceProvider services)
    {
        var health = await services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(90));
        if (health != BusHealthStatus.Healthy) throw new InvalidOperationException($"A service's bus is {health} after 90 s.");
    }

    private async Task<List<string>> ShovelStatesAsync()
    {
        using var client = Management(ProvinceBroker);
        var shovels = await client.GetFromJsonAsync<List<JsonElement>>($"api/shovels/{VirtualHost}");
        return shovels!.Select(s => s.TryGetProperty("state", out var state) ? state.GetString()! : "?").ToList();
    }

    /// <summary>The status of one shovel on Lào Cai's broker as the management API reports it (JSON text), or "" when not listed.</summary>
    public async Task<string> ShovelAsync(string virtualHost, string name)
    {
        using var client = Management(ProvinceBroker);
        var shovels = await client.GetFromJsonAsync<List<JsonElement>>($"api/shovels/{Uri.EscapeDataString(virtualHost)}");
        return shovels!.Where(s => s.GetProperty("name").GetString() == name).Select(s => s.GetRawText()).FirstOrDefault() ?? "";
    }

    /// <summary>The queues and exchanges an exchange of Lào Cai's broker feeds.</summary>
    public async Task<List<string>> ProvinceBindingsAsync(string exchange)
    {
        using var client = Management(ProvinceBroker);
        var bindings = await client.GetFromJsonAsync<List<JsonElement>>($"api/exchanges/{VirtualHost}/{Uri.EscapeDataString(exchange)}/bindings/source");
        return bindings!.Select(b => b.GetProperty("destination").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    private static HttpClient Management(RabbitMqBroker broker)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{broker.ManagementPort}/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMqBroker.User}:{RabbitMqNode.Password}")));
        return client;
    }

    /// <summary>Runs a deploy/federation script as an operator would, against <paramref name="broker"/>'s management API.</summary>
    internal static async Task<(int ExitCode, string Output)> TryScriptAsync(string script, RabbitMqBroker broker, Dictionary<string, string> environment,
        string province = Province)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.Path("deploy", "federation", script), province])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["RABBITMQ_API"] = $"http://127.0.0.1:{broker.ManagementPort}";
        start.Environment["RABBITMQ_ADMIN_USER"] = RabbitMqBroker.User;
        start.Environment["RABBITMQ_ADMIN_PASSWORD"] = RabbitMqNode.Password;
        start.Environment["RABBITMQ_VHOST"] = VirtualHost;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static async Task RunScriptAsync(string script, RabbitMqBroker broker, Dictionary<string, string> environment)
    {
        var (code, output) = await TryScriptAsync(script, broker, environment);
        if (code != 0) throw new InvalidOperationException($"{script} failed ({code}): {output}");
    }

    /// <summary>Stops everything; a step that fails does not keep the servers after it running.</summary>
    public async ValueTask DisposeAsync()
    {
        await QuietlyAsync(async () => { if (_provinceBus is not null) await _provinceBus.StopAsync(); _provinceBus = null; });
        await QuietlyAsync(async () => { if (_provinceConnection is not null) await _provinceConnection.DisposeAsync(); _provinceConnection = null; });
        await QuietlyAsync(async () => { if (ProvinceIntake is not null) await ProvinceIntake.DisposeAsync(); });
        await QuietlyAsync(async () => { if (Intake is not null) await Intake.DisposeAsync(); });
        await QuietlyAsync(async () => { if (Scoring is not null) await Scoring.DisposeAsync(); });
        await QuietlyAsync(async () => { if (Link is not null) await Link.DisposeAsync(); });
        NpgsqlConnection.ClearAllPools();
        await QuietlyAsync(async () => { if (ProvinceBroker is not null) await ProvinceBroker.StopAsync(); });
        await QuietlyAsync(async () => { if (Centre is not null) await Centre.StopAsync(); });
        await QuietlyAsync(async () => { if (Postgres is not null) await Postgres.StopAsync(); });
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may still hold a file for a moment.
        }
    }

    private static async Task QuietlyAsync(Func<Task> step)
    {
        try { await step(); }
        catch (Exception ex) { Console.Error.WriteLine($"FederationWorld clean-up step failed: {ex.Message}"); }
    }
}

/// <summary>Counts, per message id, how often a consumer finished with a message (faults included).</summary>
internal sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();

    public int Count(Guid id) => _done.GetValueOrDefault(id);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _done.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => PostConsume(context);
}
