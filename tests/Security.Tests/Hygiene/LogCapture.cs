using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Platform.Security.Tests.Hygiene;

/// <summary>
/// Every log event of the processes it is added to, at every level, as one text line holding all that an exporter could
/// ship: the category, the formatted message, each structured value, the exception with its inner ones, and the scopes.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values) line.Append(" | ").Append(key).Append('=').Append(Describe(value));
            }
            owner._scopes.ForEachScope((scope, builder) =>
            {
                builder.Append(" | scope: ").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs) builder.Append(' ').Append(key).Append('=').Append(Describe(value));
                }
            }, line);
            if (exception is not null) line.Append(" | exception: ").Append(exception);
            owner.Lines.Enqueue(line.ToString());
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            string text => text,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => i?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}

/// <summary>Every finished activity of every source in the test process, with its tags, events and baggage, as text.</summary>
internal sealed class TraceCapture : IDisposable
{
    private readonly ActivityListener _listener;

    public TraceCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var line = new StringBuilder().Append(activity.Source.Name).Append(' ').Append(activity.DisplayName);
                foreach (var (key, value) in activity.TagObjects) line.Append(" | ").Append(key).Append('=').Append(value);
                foreach (var item in activity.Baggage) line.Append(" | baggage ").Append(item.Key).Append('=').Append(item.Value);
                foreach (var e in activity.Events)
                {
                    line.Append(" | event ").Append(e.Name);
                    foreach (var (key, value) in e.Tags) line.Append(' ').Append(key).Append('=').Append(value);
                }
                Lines.Enqueue(line.ToString());
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<string> Lines { get; } = [];

    public void Dispose() => _listener.Dispose();
}
