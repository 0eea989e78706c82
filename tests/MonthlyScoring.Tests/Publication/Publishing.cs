using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Publication;

/// <summary>What a publisher does: look at the preview, then publish exactly what it showed.</summary>
internal static class Publishing
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> PreviewAsync(HttpClient client, string period = MonthlyScoringHost.Period, string peerGroup = "provinces")
    {
        var response = await client.GetAsync($"/api/monthly-scoring/publications/preview?period={period}&peerGroup={peerGroup}", Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Publishes with the fingerprint of <paramref name="preview"/> (a fresh one when null), acknowledging missing data.</summary>
    public static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string? reason = null, JsonElement? preview = null,
        bool? acknowledgeMissing = true)
    {
        var seen = preview ?? await PreviewAsync(client);
        return await Post(client, reason, seen.GetProperty("fingerprint").GetString(), acknowledgeMissing);
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, string? reason, string? fingerprint, bool? acknowledgeMissing) =>
        client.PostAsJsonAsync("/api/monthly-scoring/publications",
            new { period = MonthlyScoringHost.Period, peerGroup = "provinces", reason, fingerprint, acknowledgeMissing }, Ct);

    /// <summary>Seeds <paramref name="units"/>, closes the month nationally and publishes it: revision 1.</summary>
    public static async Task<RunView> FirstRevisionAsync(ServiceHost<Program, MonthlyScoringDbContext> host, HttpClient publisher,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> units)
    {
        await host.SeedAsync(units);
        await host.CloseAsync();
        var response = await PublishAsync(publisher);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<RunView>(Ct))!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
