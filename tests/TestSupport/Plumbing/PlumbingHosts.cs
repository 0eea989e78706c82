using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;

namespace Platform.TestSupport.Plumbing;

/// <summary>
/// Two small services wired exactly like the real ones (same ServiceDefaults calls): a producer that
/// writes units and outbox rows, and a consumer with an inbox.
/// </summary>
public static class PlumbingHosts
{
    /// <param name="services">Anything else the test needs registered (a trace collector, say).</param>
    public static Task<IHost> StartProducerAsync(string database, string broker, string name = "producer",
        Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default) =>
        StartAsync(name, database, broker, builder =>
        {
            services?.Invoke(builder.Services);
            builder.AddPlatformDatabase<ProducerDbContext>("producerdb");
            builder.AddPlatformBus(name, consumers: null);
        }, "producerdb", cancellationToken);

    public static Task<IHost> StartConsumerAsync(string database, string broker, DeliveryLog deliveries, CancellationToken cancellationToken = default) =>
        StartAsync("consumer", database, broker, builder =>
        {
            builder.Services.AddSingleton(deliveries);
            builder.AddPlatformDatabase<ConsumerDbContext>("consumerdb");
            builder.AddPlatformBus("consumer", consumers: null, bus => bus.AddConsumer<UnitDirectoryConsumer>());
        }, "consumerdb", cancellationToken);

    private static async Task<IHost> StartAsync(string name, string database, string broker, Action<HostApplicationBuilder> configure, string connectionName, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{connectionName}"] = database,
            ["ConnectionStrings:messaging"] = broker,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:PublishTimeout"] = "00:00:03",
            ["Outbox:MaxRetryDelay"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        // Tests publish right after start: make start-up wait until queues and bindings exist.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        configure(builder);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
