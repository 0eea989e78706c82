using System.Text.Json;

namespace Platform.Scoring.Tests.Cli;

/// <summary>The built tool run as a process (<c>dotnet Scoring.Cli.dll</c>): exit codes, streams and UTF-8 as a shell sees them.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Score_from_standard_input_exits_0_and_prints_utf8_json()
    {
        var outcome = await CliRun.Process(["score", "--input", "-"], Inputs.ScoringIoExample);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        using var document = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("4585/QĐ-BKHCN (30/12/2025)", document.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Invalid_input_exits_2_with_nothing_on_standard_output()
    {
        var outcome = await CliRun.Process(["score", "--input", "-"], Inputs.Monthly("\"D2.rate\": 1.5, \"A.due\": -1"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(
            ["lao-cai, D2.rate: phải là tỷ lệ từ 0 đến 1 (nhận được 1,5)", "lao-cai, A.due: phải là số nguyên không âm (nhận được -1)"],
            outcome.ErrorLines);
    }

    [Theory]
    [InlineData("frameworks", "--all")]
    [InlineData("rank")]
    public async Task An_unknown_command_or_option_exits_2_and_names_it(params string[] args)
    {
        var outcome = await CliRun.Process(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal($"lệnh hoặc tùy chọn dòng lệnh không hợp lệ: {string.Join(' ', args)}", outcome.ErrorLines[0]);
    }

    [Fact]
    public async Task Frameworks_exits_0_and_lists_the_monthly_framework()
    {
        var outcome = await CliRun.Process(["frameworks"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("monthly-4585\t4585/QĐ-BKHCN (30/12/2025)\t100\tmonth", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_exits_0_and_prints_the_marking_in_utf8()
    {
        var draft = Path.Combine(Directory.CreateTempSubdirectory("scoring-cli-process-").FullName, "draft.json");
        await File.WriteAllTextAsync(draft, Platform.TestSupport.FrameworkDrafts.Reweighted().ToJsonString(), TestContext.Current.CancellationToken);

        var outcome = await CliRun.Process(["simulate", "--input", "-", "--framework-file", draft], Inputs.TwoProvinces);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith("MÔ PHỎNG – không phải kết quả chính thức\n", outcome.Stdout, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(draft)!, recursive: true);
    }
}
