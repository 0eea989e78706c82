using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.TestSupport.Tracing;

/// <summary>
/// Records every activity that stops in the test process, of every source, with all its data: the services a test
/// hosts in-process trace into it as they would into the dashboard. Other tests running at the same time are recorded
/// too, so look activities up by trace id or by a tag only yours carry (a message id, a correlation id).
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Waits until an activity that <paramref name="match"/> accepts has stopped, and returns it.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan timeout, string what) =>
        (await Eventually.WaitForAsync(() => Task.FromResult(_stopped.FirstOrDefault(match)), a => a is not null, timeout, what))!;

    /// <summary>
    /// <paramref name="activity"/>, its parent, the parent's parent… as far as they were recorded, child first. The
    /// last one is the root of the trace when its parent is none (<see cref="Activity.ParentSpanId"/> is default).
    /// </summary>
    public IReadOnlyList<Activity> Ancestry(Activity activity)
    {
        var trace = _stopped.Where(a => a.TraceId == activity.TraceId).ToDictionary(a => a.SpanId);
        var chain = new List<Activity> { activity };
        while (trace.TryGetValue(chain[^1].ParentSpanId, out var parent)) chain.Add(parent);
        return chain;
    }

    /// <summary>A chain as one line per span, for assertion messages.</summary>
    public static string Describe(IEnumerable<Activity> chain) =>
        string.Join(Environment.NewLine, chain.Select(a =>
            $"{a.Source.Name} '{a.DisplayName}' {a.Kind} span {a.SpanId} parent {a.ParentSpanId} trace {a.TraceId}"));

    public void Dispose() => _listener.Dispose();
}
