using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Tests;

/// <summary>What AppHost (or Aspire) relies on: set <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and a service sends its traces, metrics and logs there.</summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_exports_its_traces_metrics_and_logs_to_the_OTLP_endpoint_it_is_given()
    {
        await using var collector = await OtlpCollector.StartAsync(Ct);
        var app = await ProbeApp.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = ProbeApp.Name,
        }, Ct);
        using (var client = ProbeApp.Client(app))
        {
            Assert.Equal("ok", await client.GetStringAsync("/probe", Ct));
        }

        // Stopping flushes what the exporters still hold: the last batch of spans and logs, a final metrics collection.
        await app.StopAsync(Ct);
        await app.DisposeAsync();

        var traces = collector.Received("traces");
        Assert.Contains(ProbeApp.Name, traces, StringComparison.Ordinal);
        Assert.Contains("/probe", traces, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", collector.Received("metrics"), StringComparison.Ordinal);
        Assert.Contains(ProbeApp.LogLine, collector.Received("logs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_traces_or_metrics_are_collected()
    {
        await using var app = await ProbeApp.StartAsync(new Dictionary<string, string?>(), Ct);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }
}
