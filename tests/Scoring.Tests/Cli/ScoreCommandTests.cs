using System.Text.Json;

namespace Platform.Scoring.Tests.Cli;

/// <summary>scoring-io.md, command line: <c>score --input file|-</c> [<c>--output file</c>] reads a run and writes its result.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scoring-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Scoring_an_input_file_writes_the_result_to_standard_output_and_exits_0()
    {
        var input = Path.Combine(_directory, "run.json");
        await File.WriteAllTextAsync(input, Inputs.ScoringIoExample, TestContext.Current.CancellationToken);

        var outcome = await CliRun.Score(["--input", input]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        using var result = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("lao-cai", result.RootElement.GetProperty("results")[0].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Input_dash_reads_standard_input_and_gives_the_same_result_as_the_file()
    {
        var input = Path.Combine(_directory, "run.json");
        await File.WriteAllTextAsync(input, Inputs.ScoringIoExample, TestContext.Current.CancellationToken);

        var fromFile = await CliRun.Score(["--input", input]);
        var fromStdin = await CliRun.Score(["--input", "-"], Inputs.ScoringIoExample);

        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal("", fromStdin.Stderr);
        Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
    }

    [Fact]
    public async Task Output_file_receives_the_result_and_standard_output_stays_empty()
    {
        var output = Path.Combine(_directory, "result.json");

        var toStdout = await CliRun.ScoreJson(Inputs.ScoringIoExample);
        var toFile = await CliRun.Score(["--input", "-", "--output", output], Inputs.ScoringIoExample);

        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal("", toFile.Stdout);
        Assert.Equal("", toFile.Stderr);
        Assert.Equal(toStdout.Stdout, await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_scoring_io_example_has_the_documented_output_shape_with_hand_worked_values()
    {
        var outcome = await CliRun.ScoreJson(Inputs.ScoringIoExample);
        using var document = JsonDocument.Parse(outcome.Stdout);
        var root = document.RootElement;

        Assert.Equal("monthly-4585", root.GetProperty("framework").GetString());
        Assert.Equal("4585/QĐ-BKHCN (30/12/2025)", root.GetProperty("version").GetString());
        Assert.Equal("2026-01", root.GetProperty("period").GetString());
        Assert.Equal("provinces", root.GetProperty("peerGroup").GetString());
        var unit = Assert.Single(root.GetProperty("results").EnumerateArray());

        // Worked by hand from frameworks.md §1 (same working as MonthlyWorkedExampleTests):
        // A = A1 8/12×18 = 12 + A2 1/12×0.5×18 = 0.75 + A3 12/12×2 = 2 → 14.75; B = 83.5×0.2 = 16.7;
        // C = C1 12000/250000 (reference) ×10 = 0.48 + C2 5400/5400×10 = 10 → 10.48; D = 2.5 + 4.1 = 6.6;
        // E = 5 + 1 + 5 = 11. Total 59.53 → 60 (half away from zero), class C (50 ≤ 60 < 70), alone → rank 1.
        Assert.Equal("lao-cai", unit.GetProperty("unit").GetString());
        Assert.Equal(60m, unit.GetProperty("total").GetDecimal());
        Approx.Equal(59.53m, unit.GetProperty("unrounded").GetDecimal());
        Assert.Equal("C", unit.GetProperty("classification").GetString());
        Assert.Equal(1, unit.GetProperty("rank").GetInt32());
        var groups = unit.GetProperty("groups");
        Approx.Equal(14.75m, groups.GetProperty("A").GetDecimal());
        Approx.Equal(16.7m, groups.GetProperty("B").GetDecimal());
        Approx.Equal(10.48m, groups.GetProperty("C").GetDecimal());
        Approx.Equal(6.6m, groups.GetProperty("D").GetDecimal());
        Approx.Equal(11m, groups.GetProperty("E").GetDecimal());

        var indicators = unit.GetProperty("indicators");
        var a1 = indicators.GetProperty("A1");
        Approx.Equal(12m, a1.GetProperty("score").GetDecimal());
        Assert.Equal(18m, a1.GetProperty("max").GetDecimal());
        Assert.Empty(a1.GetProperty("flags").EnumerateArray());
        Assert.False(a1.TryGetProperty("best", out _));

        var c1 = indicators.GetProperty("C1");
        Approx.Equal(0.48m, c1.GetProperty("score").GetDecimal());
        Assert.Equal(10m, c1.GetProperty("max").GetDecimal());
        Assert.Equal(["reference-best"], c1.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, c1.GetProperty("best").GetProperty("unit").ValueKind);
        Assert.Equal(250000m, c1.GetProperty("best").GetProperty("value").GetDecimal());

        var c2 = indicators.GetProperty("C2");
        Approx.Equal(10m, c2.GetProperty("score").GetDecimal());
        Assert.Equal("lao-cai", c2.GetProperty("best").GetProperty("unit").GetString());
        Assert.Equal(5400m, c2.GetProperty("best").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Results_are_ordered_by_rank_then_unit_id_and_equal_rounded_totals_share_a_rank()
    {
        // Only D2.rate is reported; every other indicator is missing and scores 0, so total = D2 = rate × 10.
        // c: 0.9 → 9 → rank 1. b: 0.54 → 5.4 → 5; a: 0.46 → 4.6 → 5: equal rounded totals share rank 2,
        // and a comes before b by unit id although b's unrounded total is higher. Listed b, c, a in the input.
        const string json = """
            { "framework": "monthly-4585", "period": "2026-01", "peerGroup": "provinces",
              "units": [
                { "unit": "b", "values": { "D2.rate": 0.54 } },
                { "unit": "c", "values": { "D2.rate": 0.9 } },
                { "unit": "a", "values": { "D2.rate": 0.46 } } ] }
            """;

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(0, outcome.ExitCode);
        using var document = JsonDocument.Parse(outcome.Stdout);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["c", "a", "b"], results.Select(r => r.GetProperty("unit").GetString()));
        Assert.Equal([1, 2, 2], results.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([9m, 5m, 5m], results.Select(r => r.GetProperty("total").GetDecimal()));
        Approx.Equal(4.6m, results[1].GetProperty("unrounded").GetDecimal());
        Approx.Equal(5.4m, results[2].GetProperty("unrounded").GetDecimal());
        Assert.All(results, r => Assert.Equal("D", r.GetProperty("classification").GetString()));
        Assert.Equal(["missing"], results[0].GetProperty("indicators").GetProperty("C1").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }
}
