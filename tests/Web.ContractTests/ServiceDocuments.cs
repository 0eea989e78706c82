extern alias intake;
extern alias scoring;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
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

    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);

    public JsonNode this[string service] => _documents[service];

    public async ValueTask InitializeAsync()
    {
        _documents[Intake] = await ReadAsync(new ServiceFactory<intake::Program>(await SettingsAsync("intakedb", "contractintake")));
        _documents[MonthlyScoring] = await ReadAsync(new ServiceFactory<scoring::Program>(await SettingsAsync("monthlyscoringdb", "contractscoring")));
    }

    private async Task<Dictionary<string, string>> SettingsAsync(string database, string prefix) => new()
    {
        [$"ConnectionStrings:{database}"] = infrastructure.NewDatabaseConnectionString(prefix),
        ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync(prefix),
    };

    private static async Task<JsonNode> ReadAsync<TProgram>(WebApplicationFactory<TProgram> service) where TProgram : class
    {
        await using (service)
        {
            using var client = service.CreateClient();
            return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
