using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Gateway.Session;
using Platform.TestSupport;

namespace Platform.Gateway.Tests.Session;

/// <summary>The sessions table of gatewaydb: expiry honoured on every read, expired rows swept.</summary>
public sealed class SessionStorageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;
    private PostgresSessionCache _cache = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await SessionDatabase.NewConnectionStringAsync("gatewaysessions");
        // The schema as the gateway makes it at start: its own migrations, applied by starting it once.
        await using (var gateway = new ServiceFactory<Program>(new Dictionary<string, string> { ["ConnectionStrings:gatewaydb"] = _connectionString }))
        {
            gateway.CreateClient().Dispose();
        }
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        _cache = new PostgresSessionCache(_dataSource, _time);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task A_session_is_not_read_once_its_expiry_has_passed_and_the_sweep_deletes_it()
    {
        await _cache.SetAsync("k1", [1, 2, 3], new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow().AddHours(8) }, Ct);
        await _cache.SetAsync("k2", [4], new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow().AddHours(9) }, Ct);

        var before = await _cache.GetAsync("k1", Ct);
        _time.Advance(TimeSpan.FromHours(8));
        var after = await _cache.GetAsync("k1", Ct);
        var rowsBeforeSweep = await CountAsync();
        var swept = await _cache.SweepAsync(Ct);

        Assert.Equal([1, 2, 3], before);
        Assert.Null(after);
        Assert.Equal(2, rowsBeforeSweep);
        Assert.Equal(1, swept);
        Assert.Equal(1, await CountAsync());
        Assert.Equal([4], await _cache.GetAsync("k2", Ct));
    }

    [Fact]
    public async Task A_sliding_entry_lives_on_while_read_but_never_past_its_absolute_expiry()
    {
        await _cache.SetAsync("s", [7], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMinutes(20),
            AbsoluteExpiration = _time.GetUtcNow().AddMinutes(50),
        }, Ct);

        _time.Advance(TimeSpan.FromMinutes(15));
        var read1 = await _cache.GetAsync("s", Ct);
        _time.Advance(TimeSpan.FromMinutes(15));
        var read2 = await _cache.GetAsync("s", Ct);
        _time.Advance(TimeSpan.FromMinutes(15));
        var read3 = await _cache.GetAsync("s", Ct);
        _time.Advance(TimeSpan.FromMinutes(6));
        var pastAbsolute = await _cache.GetAsync("s", Ct);

        Assert.NotNull(read1);
        Assert.NotNull(read2);
        Assert.NotNull(read3);
        Assert.Null(pastAbsolute);
    }

    [Fact]
    public async Task Writing_a_session_again_replaces_it_and_removing_it_is_seen_at_once()
    {
        var expiry = new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow().AddHours(1) };
        await _cache.SetAsync("r", [1], expiry, Ct);
        await _cache.SetAsync("r", [2], expiry, Ct);
        var replaced = await _cache.GetAsync("r", Ct);
        await _cache.RemoveAsync("r", Ct);

        Assert.Equal([2], replaced);
        Assert.Null(await _cache.GetAsync("r", Ct));
    }

    [Fact]
    public async Task The_sweeper_deletes_expired_sessions_every_sweep_interval()
    {
        await _cache.SetAsync("old", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow().AddMinutes(5) }, Ct);
        using var sweeper = new SessionSweeper(_cache, Options.Create(new SessionStoreOptions()), _time, NullLogger<SessionSweeper>.Instance);
        await sweeper.StartAsync(Ct);

        _time.Advance(TimeSpan.FromMinutes(10));

        await Eventually.WaitForAsync(CountAsync, n => n == 0, TimeSpan.FromSeconds(30), "the expired session swept");
        await sweeper.StopAsync(Ct);
    }

    private async Task<long> CountAsync()
    {
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM sessions");
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
