using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;

namespace Platform.Notifications.Delivery;

/// <summary>Delivers one notification over one channel (e-mail over SMTP, a webhook over HTTPS).</summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>
    /// Tries once. Returns the outcome; throws only for what the dispatcher should treat as a failed attempt anyway
    /// (an unreachable server). <see cref="SendResult.Permanent"/> failures (an address the server refuses for good) are
    /// not retried.
    /// </summary>
    Task<SendResult> SendAsync(Notification notification, CancellationToken ct);
}

/// <param name="Delivered">The other side accepted it (SMTP 250, HTTP 2xx).</param>
/// <param name="Detail">What the other side said, for the delivery log.</param>
/// <param name="Permanent">A failure no retry can fix.</param>
public sealed record SendResult(bool Delivered, string? Detail, bool Permanent = false);

/// <summary>How one channel is delivered: <c>Notifications:Delivery:{channel}</c>.</summary>
public sealed class ChannelOptions
{
    public int BatchSize { get; set; } = 50;

    /// <summary>How many deliveries run at once in one replica.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How long a replica holds claimed rows; a crashed replica's rows are taken again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait before attempt 2, 3, …; the last one repeats until <see cref="MaxAttempts"/>.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>After this many failed attempts the notification is dead (an administrator may replay it).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan DelayBefore(int nextAttempt) =>
        RetryDelays.Count == 0 ? TimeSpan.FromMinutes(1) : RetryDelays[Math.Clamp(nextAttempt - 2, 0, RetryDelays.Count - 1)];
}

/// <summary>Wakes the senders as soon as this process has written notifications, instead of waiting for the next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount != 0) return;
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Sends the due notifications of one channel: claims a batch with <c>FOR UPDATE SKIP LOCKED</c> and a lease (so replicas
/// share the work and a crashed replica's rows are taken again after the lease), sends each, and records the outcome on
/// the row and as a <see cref="DeliveryAttempt"/>. A failure is retried after <see cref="ChannelOptions.RetryDelays"/>;
/// after <see cref="ChannelOptions.MaxAttempts"/> the row is dead. Waits use the real clock; "due" uses the injected
/// <see cref="TimeProvider"/>, so a test that moves the clock sees the rows fall due.
/// </summary>
public sealed partial class ChannelDispatcher<TSender>(
    IServiceScopeFactory scopes, DeliverySignal signal, IOptionsMonitor<ChannelOptions> options, TimeProvider time,
    ILogger<ChannelDispatcher<TSender>> logger) : BackgroundService
    where TSender : IChannelSender
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var channel = ChannelOf();
            var settings = options.Get(channel);
            var sent = 0;
            try
            {
                sent = await DeliverBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; rows stay due and the next round takes them.
                LogRoundFailed(logger, channel, ex);
            }
            if (sent < settings.BatchSize && !stoppingToken.IsCancellationRequested)
                await ((Task)signal.WaitAsync(settings.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round: claim, send, record. Returns how many rows were claimed.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var channel = ChannelOf();
        var settings = options.Get(channel);
        List<Notification> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var now = time.GetUtcNow();
            claimed = await db.Notifications.FromSql($"""
                UPDATE notifications SET locked_until = {now + settings.Lease}
                WHERE id IN (
                    SELECT id FROM notifications
                    WHERE channel = {channel} AND state = 'pending' AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until <= {now})
                    ORDER BY next_attempt_at
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
        }
        if (claimed.Count == 0) return 0;

        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = ct },
            async (notification, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<TSender>();
                var watch = Stopwatch.StartNew();
                SendResult result;
                try
                {
                    result = await sender.SendAsync(notification, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    result = new SendResult(false, ex.Message);
                }
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                await RecordAsync(db, notification, result, (int)watch.ElapsedMilliseconds, settings, token);
            });
        return claimed.Count;
    }

    private async Task RecordAsync(NotificationsDbContext db, Notification n, SendResult result, int durationMs, ChannelOptions settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempt = n.Attempts + 1;
        var dead = !result.Delivered && (result.Permanent || attempt >= settings.MaxAttempts);
        var outcome = result.Delivered ? NotificationStates.Sent : dead ? NotificationStates.Dead : "failed";
        var state = result.Delivered ? NotificationStates.Sent : dead ? NotificationStates.Dead : NotificationStates.Pending;
        var next = result.Delivered || dead ? now : now + settings.DelayBefore(attempt + 1);
        var error = result.Delivered ? null : Truncate(result.Detail);
        DateTimeOffset? sentAt = result.Delivered ? now : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only while this replica still holds the row: one whose lease ran out may be with another replica already.
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE notifications SET state = {state}, attempts = {attempt}, next_attempt_at = {next}, locked_until = NULL,
                sent_at = COALESCE({sentAt}, sent_at), last_error = {error}
            WHERE id = {n.Id} AND state = 'pending' AND attempts = {n.Attempts}
            """, ct);
        if (updated == 0) return;
        db.Set<DeliveryAttempt>().Add(new DeliveryAttempt
        {
            NotificationId = n.Id, Attempt = attempt, At = now, Outcome = outcome, Detail = Truncate(result.Detail), DurationMs = durationMs,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (dead) LogDead(logger, n.Channel, n.Id, attempt, result.Detail);
    }

    private string? _channel;

    /// <summary>The sender's channel, asked once (the sender is scoped).</summary>
    private string ChannelOf()
    {
        if (_channel is not null) return _channel;
        using var scope = scopes.CreateScope();
        return _channel = scope.ServiceProvider.GetRequiredService<TSender>().Channel;
    }

    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery round of channel {Channel} failed; the rows stay due")]
    private static partial void LogRoundFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} notification {Id} is dead after {Attempts} attempts: {Detail}")]
    private static partial void LogDead(ILogger logger, string channel, Guid id, int attempts, string? detail);
}

public static class ChannelRegistration
{
    /// <summary>Registers a channel's sender (scoped), its options (<c>Notifications:Delivery:{channel}</c>) and its dispatcher.</summary>
    public static IHostApplicationBuilder AddChannel<TSender>(this IHostApplicationBuilder builder, string channel)
        where TSender : class, IChannelSender
    {
        builder.Services.TryAddSingleton<DeliverySignal>();
        builder.Services.AddOptions<ChannelOptions>(channel).Bind(builder.Configuration.GetSection($"Notifications:Delivery:{channel}"));
        builder.Services.AddScoped<TSender>();
        builder.Services.AddHostedService<ChannelDispatcher<TSender>>();
        return builder;
    }
}
