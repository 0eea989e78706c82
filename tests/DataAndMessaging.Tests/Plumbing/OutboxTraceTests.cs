using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;
using Platform.TestSupport.Plumbing;
using Platform.TestSupport.Tracing;

namespace Platform.DataAndMessaging.Tests.Plumbing;

/// <summary>
/// The outbox row keeps the trace context of the activity that wrote it, and the relay publishes in that trace: the
/// consumer's span is a descendant of the writer's, across the database, the relay and RabbitMQ.
/// </summary>
public sealed class OutboxTraceTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly ActivitySource Writer = new("Platform.Tests.Writer");
    private readonly ActivityRecorder _recorder = new();
    private IHost _consumer = null!;
    private IHost _producer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var broker = await infrastructure.CreateVirtualHostAsync("trace");
        _consumer = await PlumbingHosts.StartConsumerAsync(await infrastructure.CreateDatabaseAsync("trace_consumer"), broker, new DeliveryLog(), Ct);
        _producer = await PlumbingHosts.StartProducerAsync(await infrastructure.CreateDatabaseAsync("trace_producer"), broker, cancellationToken: Ct);
    }

    [Fact]
    public async Task An_event_is_consumed_in_the_trace_of_the_activity_that_wrote_it()
    {
        Guid messageId;
        Activity writing;
        using (writing = Writer.StartActivity("register unit", ActivityKind.Server, parentContext: default)!)
        {
            messageId = await OutboxTests.RegisterUnitAsync(_producer, "son-la", "Tỉnh Sơn La");
        }

        var consumed = await ConsumedAsync(messageId);

        Assert.Equal(writing.Id, (await OutboxRowAsync(messageId)).TraceParent);
        var chain = _recorder.Ancestry(consumed);
        var described = ActivityRecorder.Describe(chain);
        // consume (process) ← receive ← send (MassTransit) ← outbox publish (the relay) ← the writer's activity.
        Assert.True(chain.Count == 5, described);
        Assert.Equal(["MassTransit", "MassTransit", "MassTransit", OutboxTracing.SourceName, Writer.Name], chain.Select(a => a.Source.Name));
        Assert.Equal([ActivityKind.Consumer, ActivityKind.Consumer, ActivityKind.Producer], chain.Take(3).Select(a => a.Kind));
        Assert.Equal(writing.SpanId, chain[^1].SpanId);
        Assert.All(chain, a => Assert.Equal(writing.TraceId, a.TraceId));
        var publish = chain[3];
        Assert.Equal(messageId.ToString("D"), publish.GetTagItem("messaging.message.id"));
        Assert.True(publish.HasRemoteParent, "the relay's activity is resumed from the context stored with the row");
    }

    [Fact]
    public async Task An_event_written_outside_any_trace_is_published_in_a_trace_of_its_own()
    {
        Activity.Current = null;
        var messageId = await OutboxTests.RegisterUnitAsync(_producer, "dien-bien", "Tỉnh Điện Biên");

        var consumed = await ConsumedAsync(messageId);

        Assert.Null((await OutboxRowAsync(messageId)).TraceParent);
        var chain = _recorder.Ancestry(consumed);
        var root = chain[^1];
        Assert.True(root.Source.Name == OutboxTracing.SourceName, ActivityRecorder.Describe(chain));
        Assert.Equal(default, root.ParentSpanId);
    }

    /// <summary>The consumer's span for the message, once it has stopped (after the consumer's commit).</summary>
    private Task<Activity> ConsumedAsync(Guid messageId) => _recorder.WaitForAsync(a =>
            a.Source.Name == "MassTransit"
            && a.OperationName.EndsWith(" process", StringComparison.Ordinal)
            && a.GetTagItem("messaging.masstransit.message_id") as string == messageId.ToString("D"),
        Patience, $"the consumer's span for message {messageId}");

    private async Task<OutboxMessage> OutboxRowAsync(Guid id)
    {
        await using var scope = _producer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProducerDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _producer.StopAsync(CancellationToken.None);
        await _consumer.StopAsync(CancellationToken.None);
        _producer.Dispose();
        _consumer.Dispose();
        _recorder.Dispose();
    }
}
