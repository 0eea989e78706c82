using System.Diagnostics;

namespace Platform.TestSupport;

/// <summary>Waits for asynchronous effects (a consumed event, a healthy service) without fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = await probe();
        while (!done(last))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last observed: {last}");
            }
            await Task.Delay(100);
            last = await probe();
        }
        return last;
    }
}
