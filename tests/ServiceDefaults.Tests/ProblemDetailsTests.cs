using System.Net;

namespace Platform.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task An_unknown_route_answers_with_Vietnamese_problem_details()
    {
        await using var app = await ProbeApp.StartAsync(new Dictionary<string, string?>(), TestContext.Current.CancellationToken);
        using var client = ProbeApp.Client(app);

        var response = await client.GetAsync("/api/probe/does-not-exist", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Không tìm thấy", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
    }
}
