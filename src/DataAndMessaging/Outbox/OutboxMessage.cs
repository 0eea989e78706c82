namespace Platform.DataAndMessaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change
/// that caused it. Its <see cref="Id"/> becomes the message's MessageId on the bus.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>Insertion order; the relay publishes oldest first.</summary>
    public long Sequence { get; init; }

    /// <summary>CLR type name with assembly, e.g. <c>Platform.Contracts.PeriodClosed, Platform.Contracts</c>.</summary>
    public required string MessageType { get; init; }

    /// <summary>The event as JSON.</summary>
    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>W3C <c>traceparent</c> of the activity that wrote the row; the relay publishes it as that activity's child.</summary>
    public string? TraceParent { get; init; }

    /// <summary>W3C <c>tracestate</c> that went with <see cref="TraceParent"/>, if any.</summary>
    public string? TraceState { get; init; }
}

/// <summary>
/// A message a consumer has already processed: (MessageId, Consumer) is the primary key, written in the
/// consumer's own transaction, so a redelivered message has no second effect.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
