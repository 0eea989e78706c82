using Platform.TestSupport;
using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.Scoring.Tests.Cli;

namespace Platform.Scoring.Tests.Qd2244;

/// <summary>A run of the unscored catalogue returns each unit's reported values, checked but not scored.</summary>
public sealed class Qd2244RunTests
{
    private static readonly CompiledFramework Framework = ShippedFrameworks.Catalog.Find("qd2244-annual", null, "2025")!;

    private static UnitValues LaiChau => new("lai-chau", new Dictionary<string, object>
    {
        ["0101"] = 1250m,        // people
        ["0303"] = -0.012m,      // labour productivity fell 1.2 %: negative, kept as it is
        ["0415"] = 0.8734m,      // cashless share, not rounded to 2 decimals
        ["0419"] = 87_000_000m,  // VNeID accounts, far above any "max"
        ["0428"] = 44.3m,        // GII score
    });

    [Fact]
    public void A_run_returns_each_reported_value_unchanged_and_flags_what_was_not_reported()
    {
        var result = new Scorer(Framework).Score(new ScoringRequest("2025", null, [LaiChau])).Results.Single();
        var byCode = result.Indicators.ToDictionary(i => i.Code);

        Assert.Equal(46, result.Indicators.Count);
        Assert.Equal(1250m, byCode["0101"].Score);
        Assert.Equal(-0.012m, byCode["0303"].Score);
        Assert.Equal(0.8734m, byCode["0415"].Score);
        Assert.Equal(87_000_000m, byCode["0419"].Score);
        Assert.Equal(44.3m, byCode["0428"].Score);
        Assert.All(new[] { "0101", "0303", "0415", "0419", "0428" }, c =>
        {
            Assert.Equal(0m, byCode[c].Max);
            Assert.Equal(ScoreFlags.None, byCode[c].Flags);
        });
        // 0102 was not reported: missing ≠ 0 reported.
        Assert.Equal(ScoreFlags.Missing, byCode["0102"].Flags);
    }

    [Fact]
    public async Task The_output_lists_values_per_unit_by_unit_id_without_total_rank_or_groups()
    {
        const string json = """
            { "framework": "qd2244-annual", "period": "2025",
              "units": [
                { "unit": "lai-chau", "values": { "0303": -0.012, "0415": 0.8734 } },
                { "unit": "dien-bien", "values": { "0102": 350.5 } } ] }
            """;

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Stdout);
        var root = document.RootElement;
        Assert.Equal("2244/QĐ-TTg (13/10/2025)", root.GetProperty("version").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["dien-bien", "lai-chau"], results.Select(r => r.GetProperty("unit").GetString()));
        foreach (var name in new[] { "total", "unrounded", "classification", "rank", "groups" })
        {
            Assert.All(results, r => Assert.False(r.TryGetProperty(name, out _), name));
        }
        var laiChau = results[1].GetProperty("indicators");
        Assert.Equal(-0.012m, laiChau.GetProperty("0303").GetProperty("score").GetDecimal());
        Assert.Equal(0.8734m, laiChau.GetProperty("0415").GetProperty("score").GetDecimal());
        Assert.Equal(0m, laiChau.GetProperty("0415").GetProperty("max").GetDecimal());
        Assert.Empty(laiChau.GetProperty("0303").GetProperty("flags").EnumerateArray());
        Assert.Equal(350.5m, results[0].GetProperty("indicators").GetProperty("0102").GetProperty("score").GetDecimal());
    }

    [Theory]
    [InlineData("0101", "-3", "phải là số nguyên không âm")]        // people: a count
    [InlineData("0101", "12.5", "phải là số nguyên không âm")]
    [InlineData("0102", "-1", "không được âm")]                      // investment: an amount
    [InlineData("0415", "87.34", "phải là tỷ lệ từ 0 đến 1")]        // a share written as a percentage
    [InlineData("0426", "1.2", "không được vượt quá 1")]             // EGDI lies in 0..1
    [InlineData("0303", "-1.5", "phải từ -1 trở lên")]               // a fall of more than 100 % is impossible
    [InlineData("0419", "\"many\"", "phải là số")]
    public async Task Reported_values_are_checked_against_the_criterion(string code, string value, string phrase)
    {
        var json = $$"""{ "framework": "qd2244-annual", "period": "2025", "units": [ { "unit": "lai-chau", "values": { "{{code}}": {{value}} } } ] }""";

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"lai-chau, {code}: {phrase}", line, StringComparison.Ordinal);
    }
}
