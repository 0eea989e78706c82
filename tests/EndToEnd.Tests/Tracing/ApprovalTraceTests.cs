extern alias gateway;
extern alias intake;
extern alias scoring;

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.DataAndMessaging.Outbox;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Correlation;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.TestSupport.Tracing;
using GatewayProgram = gateway::Program;
using IntakeProgram = intake::Program;
using ScoringProgram = scoring::Program;

namespace Platform.EndToEnd.Tests.Tracing;

/// <summary>
/// "Approve a submission" as one trace, the way the dashboard shows it: the gateway's request, the request it forwards
/// to intake (on Kestrel, over real HTTP), intake's outbox relay publishing <c>SubmissionApproved</c> to RabbitMQ, and
/// monthly scoring consuming it. The services run in this process, so their activities are recorded here.
/// </summary>
public sealed class ApprovalTraceTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Period = "2026-01";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ActivityRecorder _recorder = new();
    private readonly TestTokens _tokens = new();
    private readonly int _intakePort = Ports.GetFree();
    private WebApplicationFactory<ScoringProgram> _scoring = null!;
    private WebApplicationFactory<IntakeProgram> _intake = null!;
    private WebApplicationFactory<GatewayProgram> _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        var messaging = await infrastructure.CreateVirtualHostAsync("trace");
        // Scoring first, so its queues exist before intake publishes.
        _scoring = new ServiceFactory<ScoringProgram>(new Dictionary<string, string>
        {
            ["ConnectionStrings:monthlyscoringdb"] = infrastructure.NewDatabaseConnectionString("trace-scoring"),
            ["ConnectionStrings:messaging"] = messaging,
        }, _tokens);
        _scoring.StartServer();

        // 10:00 on 2 February 2026, Vietnam time: 2026-01 is open for agencies until the 3rd.
        var intakeTime = new FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero));
        _intake = new ServiceFactory<IntakeProgram>(new Dictionary<string, string>
        {
            ["ConnectionStrings:intakedb"] = infrastructure.NewDatabaseConnectionString("trace-intake"),
            ["ConnectionStrings:messaging"] = messaging,
        }, _tokens).WithWebHostBuilder(b => b.UseUrls($"http://127.0.0.1:{_intakePort}")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(intakeTime)));
        // The gateway forwards over real HTTP, as in production.
        _intake.UseKestrel();
        _intake.StartServer();

        _gateway = new ServiceFactory<GatewayProgram>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}",
        }, _tokens);
        _gateway.StartServer();
    }

    [Fact]
    public async Task Approving_a_submission_through_the_gateway_is_one_trace_from_the_gateway_to_monthly_scorings_consumer()
    {
        using var reporter = GatewayClient(new TestUser("bao-cao.so-khcn.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-khcn"));
        using var reviewer = GatewayClient(new TestUser("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai"));
        var draft = await ReadAsync(await reporter.PutAsJsonAsync($"/api/intake/submissions/monthly-4585/{Period}/lao-cai", new
        {
            values = new Dictionary<string, object>
            {
                ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
                ["D1.accepted"] = 5, ["D1.total"] = 10, ["E3.onTime"] = true, ["E3.completion"] = 1,
            },
        }, Ct));
        var submission = draft.GetProperty("id").GetGuid();
        await ReadAsync(await reporter.PostAsync($"/api/intake/submissions/{submission}/submit", null, Ct));

        // The reviewer's browser sends no trace context: the gateway's span is where the trace begins.
        var correlation = "approve-" + Guid.NewGuid().ToString("N");
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/submissions/{submission}/approve");
        approve.Headers.Add(CorrelationId.HeaderName, correlation);
        var approved = await ReadAsync(await reviewer.SendAsync(approve, Ct));
        Assert.Equal("approved", approved.GetProperty("state").GetString());

        var gatewaySpan = await _recorder.WaitForAsync(a => a.Source.Name == "Microsoft.AspNetCore"
                && a.GetTagItem(CorrelationId.ActivityKey) as string == correlation && a.ParentSpanId == default,
            Wait, "the gateway's span of the approval");
        var consumed = await _recorder.WaitForAsync(a => a.TraceId == gatewaySpan.TraceId
                && a.Source.Name == "MassTransit" && a.OperationName.EndsWith(" process", StringComparison.Ordinal)
                && (a.GetTagItem("messaging.masstransit.message_types") as string ?? "").Contains("Platform.Contracts:SubmissionApproved", StringComparison.Ordinal),
            Wait, "monthly scoring's span consuming SubmissionApproved, in the gateway's trace");

        // From monthly scoring's consumer up to the gateway, every span's parent is the next one: one connected trace.
        var chain = _recorder.Ancestry(consumed);
        var described = ActivityRecorder.Describe(chain);
        TestContext.Current.TestOutputHelper?.WriteLine(described);
        Assert.True(chain[^1] == gatewaySpan, "the chain ends at the gateway's span:" + Environment.NewLine + described);
        Assert.All(chain, a => Assert.Equal(gatewaySpan.TraceId, a.TraceId));
        // consume (process) ← receive ← send: MassTransit across RabbitMQ, then intake's outbox relay.
        Assert.True(chain.Count > 6, described);
        Assert.Equal(["MassTransit", "MassTransit", "MassTransit", OutboxTracing.SourceName, "Microsoft.AspNetCore"],
            chain.Take(5).Select(a => a.Source.Name));
        var publish = chain[3];
        var intakeSpan = chain[4];
        // The relay runs in the background, long after intake answered: its span was resumed from the context stored
        // with the outbox row (a remote parent), not started as a new trace.
        Assert.True(publish.HasRemoteParent, described);
        Assert.Equal(intakeSpan.SpanId, publish.ParentSpanId);
        Assert.Equal(consumed.GetTagItem("messaging.masstransit.message_id"), publish.GetTagItem("messaging.message.id"));
        // Intake's span is the approval the gateway forwarded (same correlation id), reached through the gateway's HTTP call.
        Assert.Equal(correlation, intakeSpan.GetTagItem(CorrelationId.ActivityKey));
        Assert.NotEqual(gatewaySpan, intakeSpan);
        Assert.Contains(chain.Skip(5).SkipLast(1), a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client);
    }

    private HttpClient GatewayClient(TestUser user)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Mint(user, lifetime: TimeSpan.FromHours(1)));
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _intake.DisposeAsync();
        await _scoring.DisposeAsync();
        _recorder.Dispose();
        _tokens.Dispose();
    }
}
