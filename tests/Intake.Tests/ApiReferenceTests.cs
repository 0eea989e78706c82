using System.Net;
using System.Text.Json;
using Platform.Intake.Data;
using Platform.TestSupport;

namespace Platform.Intake.Tests;

public sealed class ApiReferenceTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ServiceHost<Program, IntakeDbContext>> ServiceAsync(string prefix, string environment = "Development") =>
        ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, prefix, environment: environment);

    [Fact]
    public async Task The_openapi_document_lists_the_intake_endpoints_with_summaries()
    {
        await using var service = await ServiceAsync("openapi");
        using var client = service.Client();

        var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/intake/units", "/api/intake/units/{code}", "/api/intake/units/export", "/api/intake/units/import",
                     "/api/intake/assignments", "/api/intake/assignments/{id}", "/api/intake/assignments/{id}/close", "/api/intake/assignments/mine",
                     "/api/intake/submissions", "/api/intake/submissions/{id}", "/api/intake/audit",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        Assert.Equal("Import units.csv, all or nothing (platform administrator)",
            paths.GetProperty("/api/intake/units/import").GetProperty("post").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Scalar_is_served_from_the_service_itself_in_development()
    {
        await using var service = await ServiceAsync("scalardev");
        using var client = service.Client();

        var page = await client.GetStringAsync("/scalar/", Ct);
        var script = await client.GetAsync("/scalar/scalar.js", Ct);

        Assert.DoesNotContain("cdn.jsdelivr.net", page, StringComparison.Ordinal);
        Assert.Contains("scalar.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Scalar_is_404_outside_development_but_the_document_stays()
    {
        await using var production = await ServiceAsync("scalarprod", "Production");
        using var client = production.Client();

        var scalar = await client.GetAsync("/scalar/", Ct);
        var document = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.NotFound, scalar.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
