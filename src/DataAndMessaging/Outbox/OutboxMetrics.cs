using System.Diagnostics.Metrics;

namespace Platform.DataAndMessaging.Outbox;

/// <summary>Counters of the outbox relay, exported through OpenTelemetry.</summary>
public static class OutboxMetrics
{
    public const string MeterName = "Platform.Outbox";
    private static readonly Meter Meter = new(MeterName);
    public static readonly Counter<long> Published = Meter.CreateCounter<long>("platform.outbox.published", description: "Outbox messages published and confirmed by the broker");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("platform.outbox.failed", description: "Outbox publish attempts that failed and will be retried");
}
