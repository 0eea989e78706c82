using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;
using Platform.TestSupport.Plumbing;

namespace Platform.DataAndMessaging.Tests.Plumbing;

/// <summary>
/// What a service with the database and the bus exports when tracing is on (as ServiceDefaults turns it on when an
/// OTLP endpoint is set): the outbox publish, MassTransit's send and the database commands of a request, in the
/// request's trace — and none of the relay's own polling, which would otherwise be a trace of its own twice a second.
/// </summary>
public sealed class OutboxTelemetryTests(PlatformInfrastructure infrastructure)
{
    private static readonly ActivitySource Writer = new("Platform.Tests.TracedWriter");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_publish_and_the_send_are_exported_in_the_writers_trace_and_the_relays_polling_is_not_exported()
    {
        var exported = new ConcurrentQueue<Activity>();
        var database = await infrastructure.CreateDatabaseAsync("telemetry_producer");
        var databaseName = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        using var producer = await PlumbingHosts.StartProducerAsync(database,
            await infrastructure.CreateVirtualHostAsync("telemetry"), "traced-producer",
            services => services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(Writer.Name)
                .AddProcessor(new Collect(exported))), Ct);
        // Migrations ran while the host started; what follows is the service at work.
        var started = DateTime.UtcNow;
        try
        {
            Guid messageId;
            Activity writing;
            using (writing = Writer.StartActivity("register unit", ActivityKind.Server, parentContext: default)!)
            {
                messageId = await OutboxTests.RegisterUnitAsync(producer, "ha-giang", "Tỉnh Hà Giang");
            }
            await Eventually.WaitForAsync(() => PublishedAtAsync(producer, messageId), at => at is not null, TimeSpan.FromSeconds(60), "the row published");

            var spans = exported.ToArray();
            var id = messageId.ToString("D");
            var publish = Assert.Single(spans, a => a.Source.Name == OutboxTracing.SourceName && a.GetTagItem("messaging.message.id") as string == id);
            Assert.Equal((writing.TraceId, writing.SpanId), (publish.TraceId, publish.ParentSpanId));
            var send = Assert.Single(spans, a => a.Source.Name == "MassTransit" && a.GetTagItem("messaging.masstransit.message_id") as string == id);
            Assert.Equal((ActivityKind.Producer, publish.SpanId), (send.Kind, send.ParentSpanId));
            // The writer's own queries, named by their database (which is how the relay's would be recognised below).
            Assert.Contains(spans, a => a.Source.Name == "Npgsql" && a.ParentSpanId == writing.SpanId
                && (a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name")) as string == databaseName);

            // The relay claimed and marked the row (and polled before and after), yet no query of it was exported. Only this
            // database's queries count: Npgsql's activity source is process-wide, and other test classes run meanwhile.
            var relayQueries = spans.Where(a => a.Source.Name == "Npgsql" && a.StartTimeUtc >= started && a.ParentSpanId == default
                && (a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name")) as string == databaseName).ToList();
            Assert.True(relayQueries.Count == 0, string.Join(Environment.NewLine, relayQueries.Select(a => a.GetTagItem("db.query.text"))));
        }
        finally
        {
            await producer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<DateTimeOffset?> PublishedAtAsync(IHost producer, Guid id)
    {
        using var notTheService = SuppressInstrumentationScope.Begin(); // the test's own look at the row
        await using var scope = producer.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProducerDbContext>().Set<OutboxMessage>()
            .Where(m => m.Id == id).Select(m => m.PublishedAt).SingleAsync(Ct);
    }

    /// <summary>Stands in for the OTLP exporter: keeps every span the tracer provider would export.</summary>
    private sealed class Collect(ConcurrentQueue<Activity> exported) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => exported.Enqueue(data);
    }
}
