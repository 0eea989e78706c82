extern alias intake;
extern alias scoring;
extern alias dxindex;
extern alias notifications;
extern alias reporting;
extern alias gateway;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.LocalInfrastructure;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.BadInput.Tests;

/// <summary>
/// Each service hosted in-process on the assembly's PostgreSQL and RabbitMQ, called by a user holding every role at a real
/// unit (<see cref="TokenProbe.Caller"/>, Lào Cai) with the bad requests generated from its own OpenAPI document.
/// </summary>
public sealed class ServicesTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Intake_answers_every_generated_bad_request_with_a_vietnamese_problem_naming_the_field_and_never_a_5xx()
    {
        await using var host = await ServiceHost.StartAsync<intake::Program, intake::Platform.Intake.Data.IntakeDbContext>(
            infrastructure, intake::Platform.Intake.IntakeModule.DatabaseName, "badinput");
        using var client = host.Client(TokenProbe.Caller);
        BadInputRun.Report(await BadInputRun.RunAsync("intake", client, Ct));
    }

    [Fact]
    public async Task Monthly_scoring_answers_every_generated_bad_request_with_a_vietnamese_problem_naming_the_field_and_never_a_5xx()
    {
        await using var host = await ServiceHost.StartAsync<scoring::Program, scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext>(
            infrastructure, scoring::Platform.MonthlyScoring.MonthlyScoringModule.DatabaseName, "badinput");
        using var client = host.Client(TokenProbe.Caller);
        BadInputRun.Report(await BadInputRun.RunAsync("monthly-scoring", client, Ct));
    }

    [Fact]
    public async Task Dx_index_answers_every_generated_bad_request_with_a_vietnamese_problem_naming_the_field_and_never_a_5xx()
    {
        await using var host = await ServiceHost.StartAsync<dxindex::Program, dxindex::Platform.DxIndex.Data.DxIndexDbContext>(
            infrastructure, dxindex::Platform.DxIndex.DxIndexModule.DatabaseName, "badinput");
        using var client = host.Client(TokenProbe.Caller);
        BadInputRun.Report(await BadInputRun.RunAsync("dx-index", client, Ct));
    }

    [Fact]
    public async Task Notifications_answers_every_generated_bad_request_with_a_vietnamese_problem_naming_the_field_and_never_a_5xx()
    {
        await using var host = await ServiceHost.StartAsync<notifications::Program, notifications::Platform.Notifications.Data.NotificationsDbContext>(
            infrastructure, notifications::Platform.Notifications.NotificationsModule.DatabaseName, "badinput");
        using var client = host.Client(TokenProbe.Caller);
        BadInputRun.Report(await BadInputRun.RunAsync("notifications", client, Ct));
    }

    [Fact]
    public async Task Reporting_answers_every_generated_bad_request_with_a_vietnamese_problem_naming_the_field_and_never_a_5xx()
    {
        await using var host = await ServiceHost.StartAsync<reporting::Program, reporting::Platform.Reporting.Data.ReportingDbContext>(
            infrastructure, reporting::Platform.Reporting.ReportingModule.DatabaseName, "badinput");
        using var client = host.Client(TokenProbe.Caller);
        BadInputRun.Report(await BadInputRun.RunAsync("reporting", client, Ct));
    }

    /// <summary>
    /// The gateway's own endpoints (the session's <c>/session/me</c>, the health pages): the services behind it are one
    /// healthy stand-in, so a 503 of the aggregated health page could only come from the request. Its body limit is tested
    /// in Gateway.Tests (ProtectionsTests).
    /// </summary>
    [Fact]
    public async Task The_gateway_answers_every_generated_bad_request_to_its_own_endpoints_without_a_5xx()
    {
        var port = Ports.GetFree();
        await using var services = await StandIn.StartAsync(port, app => app.MapGet("/health", () => TypedResults.Json(new { status = "Healthy" })), cancellationToken: Ct);
        var address = $"http://127.0.0.1:{port}";
        await using var gatewayHost = new ServiceFactory<gateway::Program>(
            new[] { "intake", "monthly-scoring", "dx-index", "notifications", "reporting", "web" }.ToDictionary(s => $"services:{s}:http:0", _ => address));
        using var client = gatewayHost.CreateClient();
        BadInputRun.Report(await BadInputRun.RunAsync("gateway", client, Ct));
    }
}
