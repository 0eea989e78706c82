using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.LocalInfrastructure;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;
using Platform.TestSupport.Plumbing;

namespace Platform.DataAndMessaging.Tests.Plumbing;

/// <summary>Runs its own broker, because it stops and restarts it.</summary>
public sealed class BrokerOutageTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly string _brokerDirectory = Path.Combine(infrastructure.Root, infrastructure.Unique("outage-broker"));
    private readonly DeliveryLog _deliveries = new();
    private RabbitMqBroker _broker = null!;

    public async ValueTask InitializeAsync() =>
        _broker = await RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = _brokerDirectory });

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_arrives_once_after_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        var producerDb = await infrastructure.CreateDatabaseAsync("outage_producer");
        var consumerDb = await infrastructure.CreateDatabaseAsync("outage_consumer");
        using var consumer = await PlumbingHosts.StartConsumerAsync(consumerDb, _broker.ConnectionString(), _deliveries, cancellationToken: ct);
        using var producer = await PlumbingHosts.StartProducerAsync(producerDb, _broker.ConnectionString(), cancellationToken: ct);
        try
        {
            // The consumer's queue and binding exist (the queue is durable), as in production.
            var before = await OutboxTests.RegisterUnitAsync(producer, "dien-bien", "Tỉnh Điện Biên");
            await OutboxTests.WaitForEffectsAsync(consumer, before, 1);

            var port = _broker.Port;
            await _broker.StopAsync();

            var during = await OutboxTests.RegisterUnitAsync(producer, "lai-chau", "Tỉnh Lai Châu");

            // The state change is committed and its event is waiting, with the failed attempt recorded.
            var pending = await Eventually.WaitForAsync(() => OutboxRowAsync(producer, during), r => r.Attempts >= 1, TimeSpan.FromSeconds(30), "a failed publish attempt");
            Assert.Null(pending.PublishedAt);
            Assert.NotNull(pending.LastError);
            Assert.Equal(0, await OutboxTests.CountEffectsAsync(consumer, during));

            _broker = await RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = _brokerDirectory, Port = port }, ct);

            await Eventually.WaitForAsync(() => OutboxTests.CountEffectsAsync(consumer, during), n => n >= 1, TimeSpan.FromSeconds(90), "the event after the broker returned");
            await Eventually.WaitForAsync(() => OutboxRowAsync(producer, during), r => r.PublishedAt is not null, TimeSpan.FromSeconds(30), "the row marked published");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            Assert.Equal(1, await OutboxTests.CountEffectsAsync(consumer, during));
        }
        finally
        {
            await producer.StopAsync(CancellationToken.None);
            await consumer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<OutboxMessage> OutboxRowAsync(IHost producer, Guid id)
    {
        await using var scope = producer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProducerDbContext>()
            .Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async ValueTask DisposeAsync() => await _broker.StopAsync();
}
