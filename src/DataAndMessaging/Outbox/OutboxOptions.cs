namespace Platform.DataAndMessaging.Outbox;

/// <summary>Relay settings, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows claimed and published per round; publishes in one round are confirmed concurrently.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows written by other replicas or committed inside explicit transactions.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between retries of a row that failed to publish.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Published outbox rows and inbox records older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
