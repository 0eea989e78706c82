using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.MonthlyScoring.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Inputs;

/// <summary>
/// The monthly scoring service hosted in-process on a database and virtual host of its own, trusting test tokens.
/// Events are published on the service's own bus (real RabbitMQ) and <see cref="DeliverAsync{T}"/> waits until the
/// service's consumer has finished with that message id, so duplicates and out-of-order deliveries are deterministic.
/// </summary>
internal sealed class InputsHost : IAsyncDisposable
{
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiLeader = new("lanh-dao.lao-cai", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    public static readonly TestUser NationalLeader = new("lanh-dao.vn", [PlatformRoles.Leader], OrgUnit: "vn");
    public static readonly TestUser Approver = new("ban-chi-dao.vn", [PlatformRoles.BonusApprover], OrgUnit: "vn");

    private readonly TestTokens _tokens = new();
    private readonly ServiceFactory<Program> _factory;
    private readonly Completions _completions = new();

    private InputsHost(IReadOnlyDictionary<string, string> settings) => _factory = new ServiceFactory<Program>(settings, _tokens);

    public static async Task<InputsHost> StartAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = new InputsHost(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{MonthlyScoringModule.DatabaseName}"] = infrastructure.NewDatabaseConnectionString(prefix),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync(prefix),
        });
        host._factory.CreateClient().Dispose();
        host.Bus.ConnectConsumeObserver(host._completions);
        // Publishing before the consumer queues are bound would lose the message: wait for the receive endpoints.
        var health = await host._factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Assert.Equal(BusHealthStatus.Healthy, health);
        return host;
    }

    private IBus Bus => _factory.Services.GetRequiredService<IBus>();

    public HttpClient Client(TestUser? user)
    {
        var client = _factory.CreateClient();
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Mint(user, lifetime: TimeSpan.FromHours(1)));
        return client;
    }

    public MonthlyScoringDbContext Db() => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<MonthlyScoringDbContext>();

    /// <summary>Publishes <paramref name="message"/> (with <paramref name="messageId"/> to redeliver one) and waits until it is consumed.</summary>
    public async Task<Guid> DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = _completions.Count(id);
        await Bus.Publish(message, c => c.MessageId = id, TestContext.Current.CancellationToken);
        await Eventually.WaitForAsync(() => Task.FromResult(_completions.Count(id)), n => n > before, TimeSpan.FromSeconds(30), $"{typeof(T).Name} {id} consumed");
        Assert.Null(_completions.Fault(id));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _tokens.Dispose();
    }

    /// <summary>Counts finished consumptions (successful or faulted after retries) per message id.</summary>
    private sealed class Completions : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _done = new();
        private readonly ConcurrentDictionary<Guid, Exception> _faults = new();

        public int Count(Guid id) => _done.GetValueOrDefault(id);

        public Exception? Fault(Guid id) => _faults.GetValueOrDefault(id);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            _done.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            _faults[context.MessageId!.Value] = exception;
            _done.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
