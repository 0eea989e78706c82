using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;
using Platform.TestSupport.Plumbing;

namespace Platform.DataAndMessaging.Tests.Plumbing;

public sealed class OutboxTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DeliveryLog _deliveries = new();
    private readonly List<IHost> _hosts = [];
    private string _producerDb = "";
    private string _consumerDb = "";
    private string _broker = "";

    public async ValueTask InitializeAsync()
    {
        _producerDb = await infrastructure.CreateDatabaseAsync("producer");
        _consumerDb = await infrastructure.CreateDatabaseAsync("consumer");
        _broker = await infrastructure.CreateVirtualHostAsync("outbox");
    }

    [Fact]
    public async Task A_committed_state_change_reaches_the_consumer_with_the_outbox_row_id_as_message_id()
    {
        var consumer = await Start(PlumbingHosts.StartConsumerAsync(_consumerDb, _broker, _deliveries, TestContext.Current.CancellationToken));
        var producer = await Start(PlumbingHosts.StartProducerAsync(_producerDb, _broker, cancellationToken: TestContext.Current.CancellationToken));

        var messageId = await RegisterUnitAsync(producer, "lao-cai", "Tỉnh Lào Cai");

        var applied = await WaitForEffectsAsync(consumer, messageId, 1);
        Assert.Equal(1, applied);
        await using var scope = consumer.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<ConsumerDbContext>().Directory.SingleAsync(d => d.Code == "lao-cai", TestContext.Current.CancellationToken);
        Assert.Equal("Tỉnh Lào Cai", entry.Name);
    }

    [Fact]
    public async Task A_rolled_back_state_change_publishes_nothing()
    {
        var consumer = await Start(PlumbingHosts.StartConsumerAsync(_consumerDb, _broker, _deliveries, TestContext.Current.CancellationToken));
        var producer = await Start(PlumbingHosts.StartProducerAsync(_producerDb, _broker, cancellationToken: TestContext.Current.CancellationToken));

        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProducerDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.Units.Add(new RegisteredUnit { Code = "ha-noi", Name = "Thành phố Hà Nội", Revision = 1 });
            db.EnqueueEvent(new OrganisationUnitRegistered("national", "ha-noi", "Thành phố Hà Nội", "province", "vn", 1, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }
        // A later, committed event proves the relay has run past the point where the rolled-back one would be.
        var later = await RegisterUnitAsync(producer, "hue", "Thành phố Huế");
        await WaitForEffectsAsync(consumer, later, 1);

        await using var check = consumer.Services.CreateAsyncScope();
        var codes = await check.ServiceProvider.GetRequiredService<ConsumerDbContext>().Applied.Select(a => a.UnitCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["hue"], codes);
    }

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var consumer = await Start(PlumbingHosts.StartConsumerAsync(_consumerDb, _broker, _deliveries, TestContext.Current.CancellationToken));
        var bus = consumer.Services.GetRequiredService<IBus>();
        var messageId = Guid.CreateVersion7();
        var message = new OrganisationUnitRegistered("national", "can-tho", "Thành phố Cần Thơ", "province", "vn", 1, DateTimeOffset.UtcNow);

        // Once, then twice at the same moment: the inbox must absorb both the late and the concurrent duplicate.
        await bus.Publish(message, c => c.MessageId = messageId, TestContext.Current.CancellationToken);
        await Eventually.WaitForAsync(() => Task.FromResult(_deliveries.Completed(messageId)), n => n >= 1, Patience, "the first delivery");
        await Task.WhenAll(
            bus.Publish(message, c => c.MessageId = messageId, TestContext.Current.CancellationToken),
            bus.Publish(message, c => c.MessageId = messageId, TestContext.Current.CancellationToken));
        // Wait until all three copies are done (applied, or found in the inbox and skipped), retries included.
        await Eventually.WaitForAsync(() => Task.FromResult(_deliveries.Completed(messageId)), n => n >= 3, Patience, "all three deliveries handled");

        Assert.Equal(1, await CountEffectsAsync(consumer, messageId));
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_row_once()
    {
        var consumer = await Start(PlumbingHosts.StartConsumerAsync(_consumerDb, _broker, _deliveries, TestContext.Current.CancellationToken));
        await Start(PlumbingHosts.StartProducerAsync(_producerDb, _broker, "producer-a", cancellationToken: TestContext.Current.CancellationToken));
        var producer = await Start(PlumbingHosts.StartProducerAsync(_producerDb, _broker, "producer-b", cancellationToken: TestContext.Current.CancellationToken));

        const int count = 300;
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProducerDbContext>();
            for (var i = 0; i < count; i++)
            {
                var code = $"xa-{i:000}";
                db.Units.Add(new RegisteredUnit { Code = code, Name = $"Xã số {i}", Revision = 1 });
                db.EnqueueEvent(new OrganisationUnitRegistered("lao-cai", code, $"Xã số {i}", "commune", "lao-cai", 1, DateTimeOffset.UtcNow));
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WaitForAsync(() => CountAllEffectsAsync(consumer), n => n >= count, Patience, $"{count} effects");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(count, await CountAllEffectsAsync(consumer));
        // Each row was claimed by exactly one relay: no duplicate deliveries reached the consumer.
        Assert.Equal(count, _deliveries.Total);
    }

    internal static async Task<Guid> RegisterUnitAsync(IHost producer, string code, string name)
    {
        await using var scope = producer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProducerDbContext>();
        db.Units.Add(new RegisteredUnit { Code = code, Name = name, Revision = 1 });
        var id = db.EnqueueEvent(new OrganisationUnitRegistered("national", code, name, "province", "vn", 1, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }

    internal static async Task<int> CountEffectsAsync(IHost consumer, Guid messageId)
    {
        await using var scope = consumer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsumerDbContext>().Applied.CountAsync(a => a.MessageId == messageId);
    }

    internal static Task<int> WaitForEffectsAsync(IHost consumer, Guid messageId, int expected) =>
        Eventually.WaitForAsync(() => CountEffectsAsync(consumer, messageId), n => n >= expected, Patience, $"the effect of message {messageId}");

    private static async Task<int> CountAllEffectsAsync(IHost consumer)
    {
        await using var scope = consumer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsumerDbContext>().Applied.CountAsync();
    }

    private async Task<IHost> Start(Task<IHost> starting)
    {
        var host = await starting;
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
