using Microsoft.Extensions.Caching.Memory;

namespace Platform.Web.Api;

/// <summary>
/// The definitions kept for the whole application (one instance): a bounded memory cache on the application's clock, so
/// entries expire as "now" moves (also under the test harness's clock file).
/// </summary>
public sealed class FrameworkCache(TimeProvider time) : IDisposable
{
    /// <summary>How long an answer is kept: a new version is seen within a minute, a busy page asks intake twice a minute.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { Clock = new Clock(time), SizeLimit = 1024 });

    public T? Peek<T>(string key) where T : class => _cache.TryGetValue(key, out T? value) ? value : null;

    public void Keep<T>(string key, T value) =>
        _cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    public async Task<ApiResult<T>> GetAsync<T>(string key, Func<Task<ApiResult<T>>> fetch)
    {
        if (Peek<ApiResult<T>>(key) is { } hit) return hit;
        var answer = await fetch();
        if (answer.Ok && answer.Value is not null) Keep(key, answer);
        return answer;
    }

    /// <summary>Forgets everything (after an upload: the list, the versions' ends and the versions in force change).</summary>
    public void Clear() => _cache.Compact(1.0);

    public void Dispose() => _cache.Dispose();

    // MemoryCacheOptions takes no TimeProvider yet: this adapts the application's.
    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
