using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Platform.DataAndMessaging.Outbox;

public static class OutboxRelayRegistration
{
    internal static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"));
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }
}

/// <summary>
/// Publishes committed outbox rows. Each round claims the oldest due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (so replicas share the work without publishing a row twice at once),
/// publishes them with publisher confirms and the row id as MessageId, and marks them published in the
/// same transaction. A row whose publish fails stays pending and is retried with back-off. A crash
/// between the broker's confirm and the commit republishes the row: delivery is at-least-once, and
/// consumers' inboxes make the effect exactly-once.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; rows stay pending and the next round retries.
                LogRoundFailed(logger, ex);
                await Task.Delay(_options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (published < _options.BatchSize && !stoppingToken.IsCancellationRequested)
            {
                await ((Task)signal.WaitAsync(_options.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round: claim, publish, record. Returns how many rows were published.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        List<OutboxMessage> rows;
        using (Untraced())
        {
            rows = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE published_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY sequence
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
        }
        if (rows.Count == 0) return 0;

        var results = await Task.WhenAll(rows.Select(row => PublishAsync(bus, row, cancellationToken)));

        var published = 0;
        var publishedAt = time.GetUtcNow();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            row.Attempts++;
            if (results[i] is null)
            {
                row.PublishedAt = publishedAt;
                row.LastError = null;
                published++;
            }
            else
            {
                row.LastError = Truncate(results[i]!, 2000);
                row.NextAttemptAt = publishedAt + RetryDelay(row.Attempts);
            }
        }

        using (Untraced())
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        OutboxMetrics.Published.Add(published);
        if (published < rows.Count)
        {
            OutboxMetrics.Failed.Add(rows.Count - published);
            LogPublishFailed(logger, rows.Count - published, rows.Count, results.First(r => r is not null)!);
        }
        return published;
    }

    /// <summary>Publishes one row; returns null on success or the reason it failed.</summary>
    private async Task<string?> PublishAsync(IPublishEndpoint bus, OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = Types.GetOrAdd(row.MessageType, static name => Type.GetType(name, throwOnError: false));
        // The publish joins the trace the row was written in; MassTransit's send activity becomes its child.
        using var activity = OutboxTracing.StartPublish(row, type?.Name ?? row.MessageType);
        var failure = type is null
            ? $"Unknown message type '{row.MessageType}'"
            : await PublishMessageAsync(bus, row, type, cancellationToken);
        if (failure is not null) activity?.SetStatus(ActivityStatusCode.Error, failure);
        return failure;
    }

    private async Task<string?> PublishMessageAsync(IPublishEndpoint bus, OutboxMessage row, Type type, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxEvents.Json)!;
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                context.Headers.Set("Platform-Outbox-CreatedAt", row.CreatedAt.ToString("O"));
            }, timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"No confirm from the broker within {_options.PublishTimeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempts, 16)) * 0.25, _options.MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddHours(1);
        var cutoff = now - _options.Retention;
        using var untraced = Untraced();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Set<OutboxMessage>().Where(m => m.PublishedAt != null && m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The relay's own queries (claiming, marking, cleaning up) are left out of the exported traces: they run every
    /// <c>PollInterval</c> in every service, belong to no request, and each round would show in the dashboard as a
    /// trace of its own. The publishes are traced, each in its row's trace (<see cref="OutboxTracing"/>).
    /// </summary>
    private static IDisposable Untraced() => SuppressInstrumentationScope.Begin();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: {Failed} of {Claimed} message(s) not published, will retry. First reason: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int claimed, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; retrying")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
