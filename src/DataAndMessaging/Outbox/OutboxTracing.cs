using System.Diagnostics;

namespace Platform.DataAndMessaging.Outbox;

/// <summary>
/// Carries a trace across the outbox. <see cref="OutboxEvents.EnqueueEvent{T}"/> stores the W3C trace context of the
/// activity current when the event is written (an HTTP request, a consumer); the relay publishes the row inside an
/// activity whose parent is that stored context, and MassTransit sends it on in the <c>MT-Activity-Id</c> header, so
/// the consumer's span joins the same trace however long the row waited.
/// </summary>
public static class OutboxTracing
{
    public const string SourceName = "Platform.Outbox";
    public const string PublishActivityName = "outbox publish";

    /// <summary>Longest <c>traceparent</c> stored: 55 characters in version 00, room for later versions' extra fields.</summary>
    public const int MaxTraceParentLength = 128;

    /// <summary>Longest <c>tracestate</c> stored: the W3C limit of 512 characters; a longer one is not stored at all, never cut.</summary>
    public const int MaxTraceStateLength = 512;

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current activity's <c>traceparent</c> and <c>tracestate</c>, or nulls outside a (W3C) trace.</summary>
    internal static (string? TraceParent, string? TraceState) Capture()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } activity || id.Length > MaxTraceParentLength)
        {
            return (null, null);
        }
        var state = activity.TraceStateString;
        return (id, state is { Length: > 0 and <= MaxTraceStateLength } ? state : null);
    }

    /// <summary>
    /// Starts the activity one row is published in: a child of the context stored with the row, or the root of a new
    /// trace when none was stored (written outside any trace, or before the columns existed). Never a child of whatever
    /// happens to be current in the relay: the rows of one round belong to different traces.
    /// </summary>
    internal static Activity? StartPublish(OutboxMessage row, string messageTypeName)
    {
        Activity.Current = null;
        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        var activity = Source.StartActivity(PublishActivityName, ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.message.id", row.Id.ToString("D"));
            activity.SetTag("platform.outbox.message_type", messageTypeName);
            activity.SetTag("platform.outbox.attempt", row.Attempts + 1);
        }
        return activity;
    }
}
