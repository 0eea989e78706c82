extern alias intake;
extern alias scoring;
extern alias dxindex;
extern alias notifications;
extern alias reporting;
using System.Text.Json.Nodes;
using Platform.TestSupport;

namespace Platform.Web.ContractTests;

/// <summary>
/// The OpenAPI documents (<c>/openapi/v1.json</c>) of the services the web application calls, as each serves it, hosted
/// in-process on the real PostgreSQL and RabbitMQ of the fixture (a database and virtual host of its own), once per run.
/// </summary>
public sealed class ServiceDocuments(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public const string Intake = "intake";
    public const string MonthlyScoring = "monthly-scoring";
    public const string DxIndex = "dx-index";
    public const string Notifications = "notifications";
    public const string Reporting = "reporting";

    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);

    public JsonNode this[string service] => _documents[service];

    public async ValueTask InitializeAsync()
    {
        await using (var intake = await ServiceHost.StartAsync<intake::Program, intake::Platform.Intake.Data.IntakeDbContext>(
            infrastructure, intake::Platform.Intake.IntakeModule.DatabaseName, "contractintake"))
            _documents[Intake] = await ReadAsync(intake.Client());
        await using (var scoring = await ServiceHost.StartAsync<scoring::Program, scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext>(
            infrastructure, scoring::Platform.MonthlyScoring.MonthlyScoringModule.DatabaseName, "contractscoring"))
            _documents[MonthlyScoring] = await ReadAsync(scoring.Client());
        await using (var dx = await ServiceHost.StartAsync<dxindex::Program, dxindex::Platform.DxIndex.Data.DxIndexDbContext>(
            infrastructure, dxindex::Platform.DxIndex.DxIndexModule.DatabaseName, "contractdxindex"))
            _documents[DxIndex] = await ReadAsync(dx.Client());
        await using (var notifications = await ServiceHost.StartAsync<notifications::Program, notifications::Platform.Notifications.Data.NotificationsDbContext>(
            infrastructure, notifications::Platform.Notifications.NotificationsModule.DatabaseName, "contractnotifications"))
            _documents[Notifications] = await ReadAsync(notifications.Client());
        await using (var reports = await ServiceHost.StartAsync<reporting::Program, reporting::Platform.Reporting.Data.ReportingDbContext>(
            infrastructure, reporting::Platform.Reporting.ReportingModule.DatabaseName, "contractreporting"))
            _documents[Reporting] = await ReadAsync(reports.Client());
    }

    private static async Task<JsonNode> ReadAsync(HttpClient client)
    {
        using (client) return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
