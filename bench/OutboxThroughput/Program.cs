// Outbox load driver: how many events per second travel from a committed state change to the
// consumer's recorded effect (outbox row → relay → RabbitMQ with confirms → consumer with inbox →
// effect row), and the commit-to-effect latency of single events. Real PostgreSQL and RabbitMQ,
// started locally with the same code as AppHost, with durable settings (fsync on).
//
//   dotnet run -c Release --project bench/OutboxThroughput -- [--events 20000] [--batch 100] [--writers 4] [--samples 200]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts;
using Platform.LocalInfrastructure;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport.Plumbing;

var events = Option("--events", 20_000);
var batch = Option("--batch", 100);
var writers = Option("--writers", 4);
var samples = Option("--samples", 200);

var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
await using var postgres = await postgresStarting;
await using var rabbit = await rabbitStarting;
try
{
    await postgres.CreateDatabaseAsync("producer");
    await postgres.CreateDatabaseAsync("consumer");
    var deliveries = new DeliveryLog();
    using var consumer = await PlumbingHosts.StartConsumerAsync(postgres.ConnectionString("consumer"), rabbit.ConnectionString(), deliveries);
    using var producer = await PlumbingHosts.StartProducerAsync(postgres.ConnectionString("producer"), rabbit.ConnectionString());

    // Warm-up: JIT, connection pools, queue binding.
    await WaitForEffectsAsync(consumer, await WriteAsync(producer, "warmup", 0, 50), TimeSpan.FromSeconds(60));

    Console.WriteLine($"Throughput: {events:N0} events, {batch} per transaction, {writers} concurrent writers");
    var already = await CountEffectsAsync(consumer);
    var clock = Stopwatch.StartNew();
    var perWriter = events / writers;
    await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
    {
        for (var done = 0; done < perWriter; done += batch)
        {
            await WriteAsync(producer, $"w{w}", done, Math.Min(batch, perWriter - done));
        }
    })));
    var committed = clock.Elapsed;
    var total = perWriter * writers;
    while (await PendingAsync(producer) > 0) await Task.Delay(20);
    var published = clock.Elapsed;
    await WaitForEffectsAsync(consumer, already + total, TimeSpan.FromMinutes(10));
    var elapsed = clock.Elapsed;
    Console.WriteLine($"  all committed after        {committed.TotalSeconds,8:0.00} s ({total / committed.TotalSeconds,9:N0} events/s written)");
    Console.WriteLine($"  all published after        {published.TotalSeconds,8:0.00} s ({total / published.TotalSeconds,9:N0} events/s commit → broker confirm)");
    Console.WriteLine($"  all effects recorded after {elapsed.TotalSeconds,8:0.00} s ({total / elapsed.TotalSeconds,9:N0} events/s commit → effect)");
    Console.WriteLine($"  duplicate deliveries: {deliveries.Total - already - total}");

    Console.WriteLine($"Latency: {samples} single events, each committed alone, commit → effect");
    var latencies = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var before = await CountEffectsAsync(consumer);
        var sample = Stopwatch.StartNew();
        await WriteAsync(producer, "latency", i, 1);
        await WaitForEffectsAsync(consumer, before + 1, TimeSpan.FromSeconds(30), poll: TimeSpan.FromMilliseconds(1));
        latencies.Add(sample.Elapsed.TotalMilliseconds);
    }
    latencies.Sort();
    Console.WriteLine($"  p50 {Percentile(0.50),7:0.0} ms   p95 {Percentile(0.95),7:0.0} ms   p99 {Percentile(0.99),7:0.0} ms   max {latencies[^1],7:0.0} ms");

    double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
    await producer.StopAsync();
    await consumer.StopAsync();
}
finally
{
    await rabbit.StopAsync();
    await postgres.StopAsync();
    Directory.Delete(root, recursive: true);
}

static async Task<int> WriteAsync(IHost producer, string prefix, int start, int count)
{
    await using var scope = producer.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ProducerDbContext>();
    for (var i = start; i < start + count; i++)
    {
        var code = $"{prefix}-{i}-{Guid.NewGuid():N}";
        db.Units.Add(new RegisteredUnit { Code = code, Name = $"Đơn vị {i}", Revision = 1 });
        db.EnqueueEvent(new OrganisationUnitRegistered("bench", code, $"Đơn vị {i}", "commune", "bench", 1, DateTimeOffset.UtcNow));
    }
    await db.SaveChangesAsync();
    return count;
}

static async Task<int> PendingAsync(IHost producer)
{
    await using var scope = producer.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<ProducerDbContext>().Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null);
}

static async Task<int> CountEffectsAsync(IHost consumer)
{
    await using var scope = consumer.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<ConsumerDbContext>().Applied.CountAsync();
}

static async Task WaitForEffectsAsync(IHost consumer, int expected, TimeSpan timeout, TimeSpan? poll = null)
{
    var clock = Stopwatch.StartNew();
    while (await CountEffectsAsync(consumer) < expected)
    {
        if (clock.Elapsed > timeout) throw new TimeoutException($"fewer than {expected} effects after {timeout}");
        await Task.Delay(poll ?? TimeSpan.FromMilliseconds(20));
    }
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
