using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.DataAndMessaging.Outbox;
using Platform.PlatformHarness;
using Platform.PlatformHarness.Telemetry;
using Platform.ServiceDefaults.Correlation;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests.Tracing;

/// <summary>
/// "Approve a submission" as one trace, the way the dashboard shows it: the gateway's request, the request it forwards
/// to intake, intake's outbox relay publishing <c>SubmissionApproved</c> to RabbitMQ, and monthly scoring consuming it.
/// Each is its own process started by AppHost, exporting its spans over OTLP to the harness's collector
/// (<see cref="AspirePlatform.Traces"/>), where the test reads them.
/// </summary>
public sealed class ApprovalTraceTests(AspirePlatform platform)
{
    private const string Period = TestMonths.Trace;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Approving_a_submission_through_the_gateway_is_one_trace_from_the_gateway_to_monthly_scorings_consumer()
    {
        platform.SetNow(TestMonths.Open(Period));
        using var reporter = await GatewayBrowser.SignInAsync(platform, "lao-cai.so-khcn.reporter");
        using var reviewer = await GatewayBrowser.SignInAsync(platform, "lao-cai.reviewer");
        var draft = Read(await reporter.SendAsync(HttpMethod.Put, $"/api/intake/submissions/monthly-4585/{Period}/lao-cai", JsonContent.Create(new
        {
            values = new Dictionary<string, object>
            {
                ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
                ["D1.accepted"] = 5, ["D1.total"] = 10, ["E3.onTime"] = true, ["E3.completion"] = 1,
            },
        }), GatewayBrowser.Csrf));
        var submission = draft.GetProperty("id").GetGuid();
        Read(await reporter.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/submit", null, GatewayBrowser.Csrf));

        // The reviewer's browser sends no trace context: the gateway's span is where the trace begins.
        var correlation = "approve-" + Guid.NewGuid().ToString("N");
        var approved = Read(await reviewer.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/approve", null,
            new Dictionary<string, string>(GatewayBrowser.Csrf) { [CorrelationId.HeaderName] = correlation }));
        Assert.Equal("approved", approved.GetProperty("state").GetString());

        var traces = platform.Traces;
        var gatewaySpan = await WaitForSpanAsync(s => s.Service == "gateway" && s.Source == "Microsoft.AspNetCore"
                && s.Attribute(CorrelationId.ActivityKey) == correlation && s.ParentSpanId == default,
            "the gateway's span of the approval");
        var consumed = await WaitForSpanAsync(s => s.TraceId == gatewaySpan.TraceId && s.Service == "monthly-scoring"
                && s.Source == "MassTransit" && s.Name.EndsWith(" process", StringComparison.Ordinal)
                && (s.Attribute("messaging.masstransit.message_types") ?? "").Contains("Platform.Contracts:SubmissionApproved", StringComparison.Ordinal),
            "monthly scoring's span consuming SubmissionApproved, in the gateway's trace");
        // Each process exports on its own schedule: wait until every span from the consumer up to a root has arrived.
        var chain = await Eventually.WaitForAsync(() => Task.FromResult(traces.Ancestry(consumed)), c => c[^1].ParentSpanId == default,
            Wait, "the spans from monthly scoring's consumer up to the root of its trace");

        // From monthly scoring's consumer up to the gateway, every span's parent is the next one: one connected trace.
        var described = TraceCollector.Describe(chain);
        TestContext.Current.TestOutputHelper?.WriteLine(described);
        Assert.True(chain[^1].SpanId == gatewaySpan.SpanId, "the chain ends at the gateway's span:" + Environment.NewLine + described);
        Assert.All(chain, s => Assert.Equal(gatewaySpan.TraceId, s.TraceId));
        // consume (process) ← receive in monthly scoring ← send in intake: MassTransit across RabbitMQ; then intake's outbox
        // relay, intake's request, and in the gateway the HTTP call YARP's forwarder made for the gateway's request.
        Assert.Equal(
            [
                ("monthly-scoring", "MassTransit"), ("monthly-scoring", "MassTransit"), ("intake", "MassTransit"),
                ("intake", OutboxTracing.SourceName), ("intake", "Microsoft.AspNetCore"),
                ("gateway", "System.Net.Http"), ("gateway", "Yarp.ReverseProxy"), ("gateway", "Microsoft.AspNetCore"),
            ],
            chain.Select(s => (s.Service, s.Source)));
        Assert.Equal([ActivityKind.Consumer, ActivityKind.Consumer, ActivityKind.Producer], chain.Take(3).Select(s => s.Kind));
        var publish = chain[3];
        var intakeSpan = chain[4];
        // The relay runs in the background, long after intake answered: its span was resumed from the context stored
        // with the outbox row (a remote parent), not started as a new trace.
        Assert.True(publish.HasRemoteParent, described);
        Assert.Equal(intakeSpan.SpanId, publish.ParentSpanId);
        Assert.NotNull(publish.Attribute("messaging.message.id"));
        Assert.Equal(consumed.Attribute("messaging.masstransit.message_id"), publish.Attribute("messaging.message.id"));
        // Intake's span is the approval the gateway forwarded (same correlation id), reached through the gateway's HTTP
        // call from the other process.
        Assert.Equal((correlation, ActivityKind.Server, true), (intakeSpan.Attribute(CorrelationId.ActivityKey), intakeSpan.Kind, intakeSpan.HasRemoteParent));
        Assert.Equal(ActivityKind.Client, chain[5].Kind);
        Assert.Empty(traces.Rejected);
    }

    private async Task<ExportedSpan> WaitForSpanAsync(Func<ExportedSpan, bool> match, string what) =>
        (await Eventually.WaitForAsync(() => Task.FromResult(platform.Traces.Spans.FirstOrDefault(match)), s => s is not null, Wait, what))!;

    private static JsonElement Read(GatewayBrowser.Page page)
    {
        Assert.True((int)page.Status is >= 200 and < 300, $"{page.Url}: {(int)page.Status} {page.Body}");
        return JsonDocument.Parse(page.Body).RootElement.Clone();
    }
}
