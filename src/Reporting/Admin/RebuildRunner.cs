using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;

namespace Platform.Reporting.Admin;

/// <summary>
/// Where the last rebuild of this process stands. <paramref name="Running"/> while it runs; then
/// <paramref name="Events"/> and <paramref name="DurationMs"/> when it committed, or <paramref name="Error"/> (Vietnamese)
/// when it failed and the read models were left as they were.
/// </summary>
public sealed record RebuildState(bool Running, DateTimeOffset? StartedAt, string? StartedBy, DateTimeOffset? FinishedAt, long? Events,
    long? DurationMs, string? Error)
{
    public static readonly RebuildState None = new(false, null, null, null, null, null, null);
}

/// <summary>
/// Runs a rebuild in the background: at national scale it takes minutes (docs/reporting.md), longer than any request
/// may wait at the gateway, and it must not stop when the browser that asked for it goes away. One at a time per
/// process; two replicas' rebuilds queue on the journal's lock (<see cref="JournalReplay"/>). The host's stopping token
/// cancels it, and the transaction then leaves the read models as they were.
/// </summary>
public sealed partial class RebuildRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<RebuildRunner> logger)
{
    public const string AuditEntity = "read-models";

    private readonly Lock _gate = new();
    private RebuildState _state = RebuildState.None;

    public RebuildState State
    {
        get
        {
            lock (_gate) return _state;
        }
    }

    /// <returns>False (and the running one's state) when a rebuild is already running here.</returns>
    public bool TryStart(string tenant, string by, out RebuildState state)
    {
        lock (_gate)
        {
            if (_state.Running)
            {
                state = _state;
                return false;
            }
            _state = new RebuildState(true, time.GetUtcNow(), by, null, null, null, null);
            state = _state;
        }
        _ = Task.Run(() => RunAsync(tenant, by, lifetime.ApplicationStopping));
        return true;
    }

    private async Task RunAsync(string tenant, string by, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var projector = scope.ServiceProvider.GetRequiredService<Projector>();
            // A rebuild of 12 months at national scale runs for minutes: not the default command timeout.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            long events;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                events = await JournalReplay.RebuildAsync(db, projector, ct);
                db.Add(new AuditEntry(AuditEntity, tenant, "rebuilt", by, time.GetUtcNow(),
                    $"dựng lại từ nhật ký sự kiện: {events} sự kiện, {clock.ElapsedMilliseconds} ms"));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            await scope.ServiceProvider.GetRequiredService<FrameworkStore<ReportingDbContext>>().ReloadAsync(ct);
            LogRebuilt(logger, events, clock.ElapsedMilliseconds);
            Finish(events, clock.ElapsedMilliseconds, null);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            Finish(null, clock.ElapsedMilliseconds, ex is OperationCanceledException
                ? "Việc dựng lại bị dừng vì dịch vụ báo cáo đang tắt; số liệu báo cáo giữ nguyên như trước. Hãy dựng lại sau khi dịch vụ chạy lại."
                : "Dựng lại không thành công; số liệu báo cáo giữ nguyên như trước. Xem nhật ký của dịch vụ báo cáo để biết nguyên nhân.");
        }
    }

    private void Finish(long? events, long durationMs, string? error)
    {
        lock (_gate) _state = _state with { Running = false, FinishedAt = time.GetUtcNow(), Events = events, DurationMs = durationMs, Error = error };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read models rebuilt from {Events} journal entries in {DurationMs} ms")]
    private static partial void LogRebuilt(ILogger logger, long events, long durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the read models failed; they were left as they were")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
