using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Gateway.Session;

/// <summary>
/// <see cref="IDistributedCache"/> on the gateway's database (table <c>sessions</c> of <c>gatewaydb</c>), so every gateway
/// replica finds the sessions the others stored. An entry is never returned once its expiry has passed (absolute, or
/// sliding and renewed by reads, capped by the absolute one); <see cref="SweepAsync"/> deletes expired rows
/// (<see cref="SessionSweeper"/> runs it; any replica may, the delete is idempotent). Plain SQL over one
/// <see cref="NpgsqlDataSource"/>, no DbContext: the gateway reads a session at most once per
/// <see cref="SessionStoreOptions.ReplicaCache"/> per replica.
/// </summary>
internal sealed class PostgresSessionCache(NpgsqlDataSource dataSource, TimeProvider time) : IDistributedCache
{
    /// <summary>What an entry given no expiry lives: 20 minutes sliding, like ASP.NET's other distributed caches.</summary>
    public static readonly TimeSpan DefaultSliding = TimeSpan.FromMinutes(20);

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var now = time.GetUtcNow();
        byte[] value;
        bool sliding;
        await using (var read = dataSource.CreateCommand("SELECT value, sliding_seconds IS NOT NULL FROM sessions WHERE id = $1 AND expires_at > $2"))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            read.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await read.ExecuteReaderAsync(token);
            if (!await reader.ReadAsync(token)) return null;
            value = reader.GetFieldValue<byte[]>(0);
            sliding = reader.GetBoolean(1);
        }
        if (sliding) await RefreshAsync(key, token);
        return value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = time.GetUtcNow();
        var absolute = options.AbsoluteExpiration
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : (DateTimeOffset?)null);
        var sliding = options.SlidingExpiration ?? (absolute is null ? DefaultSliding : null);
        var expiresAt = sliding is { } window
            ? (absolute is { } cap && cap < now + window ? cap : now + window)
            : absolute!.Value;
        await using var write = dataSource.CreateCommand("""
            INSERT INTO sessions (id, value, expires_at, sliding_seconds, absolute_expiration) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at,
                sliding_seconds = excluded.sliding_seconds, absolute_expiration = excluded.absolute_expiration
            """);
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = value });
        write.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = expiresAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        write.Parameters.Add(new NpgsqlParameter { Value = sliding is { } s ? (long)Math.Ceiling(s.TotalSeconds) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        write.Parameters.Add(new NpgsqlParameter { Value = absolute is { } a ? a : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await write.ExecuteNonQueryAsync(token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await using var slide = dataSource.CreateCommand("""
            UPDATE sessions SET expires_at = LEAST($2 + sliding_seconds * interval '1 second', COALESCE(absolute_expiration, 'infinity'))
            WHERE id = $1 AND sliding_seconds IS NOT NULL AND expires_at > $2
            """);
        slide.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        slide.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await slide.ExecuteNonQueryAsync(token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM sessions WHERE id = $1");
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await delete.ExecuteNonQueryAsync(token);
    }

    /// <summary>Deletes the entries whose expiry has passed; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken token = default)
    {
        await using var sweep = dataSource.CreateCommand("DELETE FROM sessions WHERE expires_at <= $1");
        sweep.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await sweep.ExecuteNonQueryAsync(token);
    }
}

/// <summary>
/// Deletes expired sessions from <c>gatewaydb</c> every <see cref="SessionStoreOptions.SweepInterval"/> (10 minutes by
/// default). Every replica runs it; they may overlap harmlessly (each deletes what is expired, nothing else).
/// </summary>
internal sealed partial class SessionSweeper(PostgresSessionCache cache, IOptions<SessionStoreOptions> options, TimeProvider time,
    ILogger<SessionSweeper> logger) : BackgroundService
{
    // Made with the service, so the first interval counts from start-up (ExecuteAsync itself runs a moment later).
    private readonly PeriodicTimer _timer = new(options.Value.SweepInterval, time);

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var swept = await cache.SweepAsync(stoppingToken);
                if (swept > 0) LogSwept(logger, swept);
            }
            catch (NpgsqlException exception)
            {
                // Tried again at the next tick; reads ignore expired rows meanwhile.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired session(s) from gatewaydb")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired sessions from gatewaydb failed; trying again at the next sweep")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
