using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Scheduling;

/// <summary>Does one kind of <see cref="ScheduledJob"/>; returns how many notifications it wrote.</summary>
public interface IScheduledJobHandler
{
    string Kind { get; }

    Task<int> RunAsync(NotificationsDbContext db, ScheduledJob job, DateTimeOffset now, CancellationToken ct);
}

/// <summary><c>Notifications:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Real time between two looks at the table (tests move the service's clock, not this wait).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a replica holds the jobs it claimed; a crashed replica's jobs are taken again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>Wait before a failed job is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Runs the due <see cref="ScheduledJob"/>s: claims them with <c>FOR UPDATE SKIP LOCKED</c> and a lease, runs each
/// handler and marks the job done in the same transaction as the notifications it wrote, and only while it still holds
/// the lease. Two replicas therefore run a job once; a crash between claim and commit leaves the job due again after
/// the lease, and the notifications' uniqueness (recipient, cause, channel) keeps a rerun from writing twice. "Due" is
/// the injected <see cref="TimeProvider"/>'s now; waiting is real time.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, IEnumerable<IScheduledJobHandler> handlers, IOptions<SchedulingOptions> options,
    TimeProvider time, ILogger<JobRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, IScheduledJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                ran = await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
            }
            if (ran < options.Value.BatchSize)
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round: claims the due jobs (up to the batch size) and runs them. Returns how many it claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        // PostgreSQL keeps microseconds: the lease is compared for equality later, so it must round-trip exactly.
        var lease = now + settings.Lease;
        lease = lease.AddTicks(-(lease.Ticks % 10));
        List<ScheduledJob> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            claimed = await db.Set<ScheduledJob>().FromSql($"""
                UPDATE scheduled_jobs SET locked_until = {lease}, attempts = attempts + 1
                WHERE key IN (
                    SELECT key FROM scheduled_jobs
                    WHERE state = 'pending' AND due_at <= {now} AND (locked_until IS NULL OR locked_until <= {now})
                    ORDER BY due_at
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
        }
        foreach (var job in claimed.OrderBy(j => j.DueAt)) await RunOneAsync(job, lease, ct);
        return claimed.Count;
    }

    private async Task RunOneAsync(ScheduledJob job, DateTimeOffset lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = time.GetUtcNow();
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler)) throw new InvalidOperationException($"No handler for scheduled job kind '{job.Kind}'.");
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Taken again only while this replica still holds the lease: one whose lease ran out may be with another already.
            var held = await db.Database.SqlQuery<int>($"""
                SELECT 1 AS "Value" FROM scheduled_jobs WHERE key = {job.Key} AND state = 'pending' AND locked_until = {lease} FOR UPDATE
                """).ToListAsync(ct);
            if (held.Count == 0) return;
            var written = await handler.RunAsync(db, job, now, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE scheduled_jobs SET state = 'done', completed_at = {now}, recipients = recipients + {written}, locked_until = NULL, last_error = NULL
                WHERE key = {job.Key}
                """, ct);
            await transaction.CommitAsync(ct);
            if (written > 0) scope.ServiceProvider.GetService<DeliverySignal>()?.Notify();
            LogRan(logger, job.Key, written);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(logger, job.Key, ex);
            db.ChangeTracker.Clear();
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var retryAt = now + options.Value.RetryDelay;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE scheduled_jobs SET locked_until = {retryAt}, last_error = {error} WHERE key = {job.Key} AND locked_until = {lease}
                """, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling round failed; the jobs stay due")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Key} ran: {Written} notifications written")]
    private static partial void LogRan(ILogger logger, string key, int written);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Key} failed; tried again later")]
    private static partial void LogFailed(ILogger logger, string key, Exception exception);
}
