using System.Text.Json;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Publication;

/// <summary>
/// <c>ScoresPublished</c> is built from the engine's fresh result, not from the stored document; what it says of each unit
/// must still be, number for number (scale included), what the stored output document says, which the CLI reproduces.
/// </summary>
public sealed class PublishedEventTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The JSON without its layout or its order of properties (the outbox keeps the event as jsonb, which orders them);
    /// numbers keep their text, so 16.3 is not 16.30.
    /// </summary>
    private static string Compact(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}:{Compact(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Compact)) + "]",
        _ => element.GetRawText(),
    };

    [Fact]
    public async Task The_published_event_says_of_every_unit_exactly_what_the_stored_result_document_says()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-event-lines");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);

        var run = await Publishing.FirstRevisionAsync(host, publisher, Example.Provinces);

        // The stored documents, as the export gives them.
        using var export = JsonDocument.Parse(await publisher.GetStringAsync($"/api/monthly-scoring/runs/{run.Id}/export", Ct));
        var lines = export.RootElement.GetProperty("result").GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unit").GetString()!);
        using var message = JsonDocument.Parse(Assert.Single(await host.OutboxAsync("ScoresPublished")));
        var units = message.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(lines.Keys.Order(StringComparer.Ordinal), units.Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        foreach (var unit in units)
        {
            var line = lines[unit.GetProperty("unit").GetString()!];
            foreach (var field in new[] { "total", "unrounded", "classification", "bonus", "groups" })
                Assert.Equal(Compact(line.GetProperty(field)), Compact(unit.GetProperty(field)));
            var indicators = line.GetProperty("indicators").EnumerateObject().ToList();
            Assert.Equal(indicators.Select(i => i.Name).Order(StringComparer.Ordinal),
                unit.GetProperty("indicators").EnumerateObject().Select(i => i.Name).Order(StringComparer.Ordinal));
            foreach (var indicator in indicators)
            {
                var sent = unit.GetProperty("indicators").GetProperty(indicator.Name);
                foreach (var field in new[] { "score", "max", "flags" })
                    Assert.Equal(Compact(indicator.Value.GetProperty(field)), Compact(sent.GetProperty(field)));
            }
        }
    }
}
