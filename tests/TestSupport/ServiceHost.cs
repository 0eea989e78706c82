using System.Net.Http.Headers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport.Security;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// One of the platform's services (<typeparamref name="TProgram"/>) hosted in-process, as every service test starts it:
/// on a database (connection <c>database</c>, read with <typeparamref name="TDbContext"/>) and a RabbitMQ virtual host of
/// its own from the assembly's <see cref="PlatformInfrastructure"/>, trusting the access tokens <see cref="Tokens"/>
/// mints, and, when started with <c>now</c>, on a clock the test moves (<see cref="Time"/>).
/// </summary>
public sealed class ServiceHost<TProgram, TDbContext> : IAsyncDisposable
    where TProgram : class
    where TDbContext : DbContext
{
    private readonly ServiceFactory<TProgram> _factory;
    private readonly FakeTimeProvider? _time;
    private readonly ConsumedMessages _consumed = new();
    private readonly Lazy<Task> _bus;

    internal ServiceHost(IReadOnlyDictionary<string, string> settings, DateTimeOffset? now, string environment, Action<IServiceCollection>? services = null)
    {
        Messaging = settings["ConnectionStrings:messaging"];
        _time = now is { } instant ? new FakeTimeProvider(instant) : null;
        _factory = new ServiceFactory<TProgram>(settings, Tokens,
            _time is null && services is null ? null : s =>
            {
                if (_time is { } time) s.AddSingleton<TimeProvider>(time);
                services?.Invoke(s);
            }, environment);
        _bus = new Lazy<Task>(ListenAsync);
    }

    /// <summary>Mints the tokens this service accepts (<see cref="Client"/> sends one).</summary>
    public TestTokens Tokens { get; } = new();

    /// <summary>The broker URI of this service's virtual host, for outside subscribers.</summary>
    public string Messaging { get; }

    /// <summary>The service's clock; only for a host started with <c>now</c> (the others run on the system clock).</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("This service runs on the system clock: start it with now: to move its clock.");

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client of the service carrying <paramref name="user"/>'s token (valid for an hour), or none.</summary>
    public HttpClient Client(TestUser? user = null)
    {
        var client = _factory.CreateClient();
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(user, lifetime: TimeSpan.FromHours(1)));
        return client;
    }

    /// <summary>The service's DbContext, to seed what no API writes and to read what no API shows; dispose it.</summary>
    public TDbContext Db() => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<TDbContext>();

    /// <summary>The bodies of the outbox rows of one event (<c>SubmissionApproved</c>), oldest first.</summary>
    public async Task<List<string>> OutboxAsync(string eventName)
    {
        await using var db = Db();
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith("Platform.Contracts." + eventName + ","))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Body).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="message"/> on the service's own bus (with <paramref name="messageId"/> to redeliver one) and
    /// waits until every consumer of <typeparamref name="T"/> in the service has finished with it, so duplicates and out-of-order
    /// deliveries are deterministic.
    /// </summary>
    public async Task<Guid> DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        await _bus.Value;
        var id = messageId ?? NewId.NextGuid();
        var before = _consumed.Count(id);
        // Every consumer of T has its own queue (a service may have several, e.g. the DX index's three features each
        // consume SubmissionApproved): wait for all of them, not the first.
        var consumers = Math.Max(1, typeof(TProgram).Assembly.GetTypes()
            .Count(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer<T>).IsAssignableFrom(t)));
        await Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = id, TestContext.Current.CancellationToken);
        await Eventually.WaitForAsync(() => Task.FromResult(_consumed.Count(id)), n => n >= before + consumers, TimeSpan.FromSeconds(30),
            $"{typeof(T).Name} {id} consumed by its {consumers} consumer(s)");
        if (_consumed.Fault(id) is { } fault) throw new InvalidOperationException($"{typeof(T).Name} {id} faulted in the consumer.", fault);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Tokens.Dispose();
    }

    internal void Start() => _factory.CreateClient().Dispose();

    /// <summary>Counts consumptions, then waits for the receive endpoints: a message published before its queue is bound is lost.</summary>
    private async Task ListenAsync()
    {
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        var health = await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        if (health != BusHealthStatus.Healthy) throw new InvalidOperationException($"The service's bus is {health}, not healthy, after 60 s.");
    }
}

/// <summary>Starts <see cref="ServiceHost{TProgram, TDbContext}"/>s.</summary>
public static class ServiceHost
{
    /// <param name="database">The service's connection name, e.g. <c>intakedb</c>.</param>
    /// <param name="prefix">Names the database and the virtual host (made unique), so a failing test's leftovers can be found.</param>
    /// <param name="settings">Further settings, applied last (they may replace the connection strings).</param>
    /// <param name="now">The service's "now" (<see cref="ServiceHost{TProgram, TDbContext}.Time"/>); the system clock without it.</param>
    /// <param name="services">Registrations added after the service's own, for what another part of the service provides later.</param>
    public static async Task<ServiceHost<TProgram, TDbContext>> StartAsync<TProgram, TDbContext>(PlatformInfrastructure infrastructure, string database, string prefix,
        IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null, string environment = "Development",
        Action<IServiceCollection>? services = null)
        where TProgram : class
        where TDbContext : DbContext
    {
        var host = new ServiceHost<TProgram, TDbContext>(await SettingsAsync(infrastructure, database, prefix, settings), now, environment, services);
        host.Start();
        return host;
    }

    /// <summary>
    /// The service on infrastructure the test provides itself (e.g. two brokers, one per deployment): <paramref name="settings"/>
    /// must hold its database connection and <c>ConnectionStrings:messaging</c>.
    /// </summary>
    public static ServiceHost<TProgram, TDbContext> Start<TProgram, TDbContext>(IReadOnlyDictionary<string, string> settings,
        DateTimeOffset? now = null, string environment = "Development", Action<IServiceCollection>? services = null)
        where TProgram : class
        where TDbContext : DbContext
    {
        var host = new ServiceHost<TProgram, TDbContext>(settings, now, environment, services);
        host.Start();
        return host;
    }

    /// <summary>
    /// <paramref name="count"/> replicas of the service on one new database and virtual host, started at the same moment,
    /// as a deployment's replicas would be.
    /// </summary>
    public static async Task<IReadOnlyList<ServiceHost<TProgram, TDbContext>>> StartReplicasAsync<TProgram, TDbContext>(PlatformInfrastructure infrastructure,
        string database, string prefix, int count, IReadOnlyDictionary<string, string>? settings = null)
        where TProgram : class
        where TDbContext : DbContext
    {
        var shared = await SettingsAsync(infrastructure, database, prefix, settings);
        var replicas = Enumerable.Range(0, count).Select(_ => new ServiceHost<TProgram, TDbContext>(shared, null, "Development")).ToList();
        await Task.WhenAll(replicas.Select(r => Task.Run(r.Start)));
        return replicas;
    }

    private static async Task<Dictionary<string, string>> SettingsAsync(PlatformInfrastructure infrastructure, string database, string prefix,
        IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{database}"] = infrastructure.NewDatabaseConnectionString(prefix),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync(prefix),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        return all;
    }
}
