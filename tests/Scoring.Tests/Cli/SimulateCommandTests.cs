using System.Text.Json.Nodes;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Cli;

/// <summary>
/// <c>simulate --input run.json --framework-file draft.json [--version V]</c>: the same values under a shipped version
/// and under a draft, side by side, marked "MÔ PHỎNG"; offline, with the shipped versions only.
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";

    private readonly string _directory = Directory.CreateTempSubdirectory("scoring-cli-simulate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Draft(JsonObject draft)
    {
        var path = Path.Combine(_directory, "draft.json");
        File.WriteAllText(path, draft.ToJsonString());
        return path;
    }

    // Before (4585, MonthlyScoring.Tests' ScoreRunTests): Lào Cai 71 B rank 1, Thanh Hóa 40 D rank 2.
    // After (worked out in DraftScoringTests): Lào Cai 64 C rank 2 (B 20 → 5, C1 5 → 11.25, C2 5 → 11.25, D1 5 → 2.5, D2 5 → 2.5),
    // Thanh Hóa 65 C rank 1 (C1 10 → 22.5, C2 10 → 22.5; B, D1, D2 stay 0).
    [Fact]
    public async Task Prints_each_unit_before_and_after_then_the_indicators_that_moved_marked_as_a_simulation()
    {
        var draft = Draft(FrameworkDrafts.Reweighted());

        var outcome = await CliRun.Simulate(["--input", "-", "--framework-file", draft], Inputs.TwoProvinces);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(
        [
            "MÔ PHỎNG – không phải kết quả chính thức",
            "khung: monthly-4585; kỳ: 2026-01; nhóm: provinces",
            $"trước: phiên bản \"{Shipped}\"",
            $"sau: bản dự thảo \"{FrameworkDrafts.ReweightedVersion}\" (tệp {draft})",
            "đơn vị\tđiểm trước\txếp loại trước\thạng trước\tđiểm sau\txếp loại sau\thạng sau\tchênh lệch",
            "lao-cai\t71\tB\t1\t64\tC\t2\t-7",
            "thanh-hoa\t40\tD\t2\t65\tC\t1\t+25",
            "chỉ tiêu thay đổi:",
            "đơn vị\tchỉ tiêu\ttrước\tsau",
            "lao-cai\tB\t20\t5",
            "lao-cai\tC1\t5\t11,25",
            "lao-cai\tC2\t5\t11,25",
            "lao-cai\tD1\t5\t2,5",
            "lao-cai\tD2\t5\t2,5",
            "thanh-hoa\tC1\t10\t22,5",
            "thanh-hoa\tC2\t10\t22,5",
        ], outcome.OutputLines);
    }

    [Fact]
    public async Task The_shipped_version_as_a_draft_changes_nothing()
    {
        var outcome = await CliRun.Simulate(["--input", "-", "--framework-file", Draft(FrameworkDrafts.Shipped())], Inputs.TwoProvinces);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("lao-cai\t71\tB\t1\t71\tB\t1\t0", outcome.OutputLines);
        Assert.Contains("thanh-hoa\t40\tD\t2\t40\tD\t2\t0", outcome.OutputLines);
        Assert.Equal("đơn vị\tchỉ tiêu\ttrước\tsau", outcome.OutputLines[^1]);
    }

    // E2 renamed E4 in the draft (same rule, same 5 points): E2 leaves and E4 arrives, for every unit.
    [Fact]
    public async Task An_indicator_only_one_version_has_is_shown_as_removed_or_added()
    {
        var draft = FrameworkDrafts.Shipped();
        draft["version"] = "Dự thảo đổi mã E2";
        FrameworkDrafts.Indicator(draft, "E2")["code"] = "E4";

        var outcome = await CliRun.Simulate(["--input", "-", "--framework-file", Draft(draft)], Inputs.TwoProvinces);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("lao-cai\tE2\t5\t—\t(không còn trong bản dự thảo)", outcome.OutputLines);
        Assert.Contains("lao-cai\tE4\t—\t5\t(chỉ có trong bản dự thảo)", outcome.OutputLines);
        Assert.Contains("thanh-hoa\tE4\t—\t0\t(chỉ có trong bản dự thảo)", outcome.OutputLines);
    }

    [Fact]
    public async Task An_exported_run_is_simulated_from_its_input()
    {
        var export = $$"""{ "input": {{Inputs.TwoProvinces}}, "result": { "results": [] } }""";
        var draft = Draft(FrameworkDrafts.Reweighted());

        var fromExport = await CliRun.Simulate(["--input", "-", "--framework-file", draft], export);
        var fromInput = await CliRun.Simulate(["--input", "-", "--framework-file", draft], Inputs.TwoProvinces);

        Assert.Equal(0, fromExport.ExitCode);
        Assert.Equal(fromInput.Stdout, fromExport.Stdout);
    }

    [Fact]
    public async Task An_unknown_baseline_version_exits_2_naming_it()
    {
        var outcome = await CliRun.Simulate(["--input", "-", "--framework-file", Draft(FrameworkDrafts.Reweighted()), "--version", "9999/QĐ-BKHCN"],
            Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(["framework: không có khung \"monthly-4585\" phiên bản \"9999/QĐ-BKHCN\""], outcome.ErrorLines);
    }

    [Fact]
    public async Task Values_the_draft_refuses_exit_2_saying_it_is_the_drafts_rule()
    {
        var draft = FrameworkDrafts.Shipped();
        draft["version"] = "Dự thảo B1 tối đa 10";
        draft["inputs"]!.AsArray().Single(i => (string?)i!["key"] == "B.B1")!["max"] = 10;

        var outcome = await CliRun.Simulate(["--input", "-", "--framework-file", Draft(draft)], Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("lao-cai, B.B1: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(theo bản dự thảo)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--input", "-")]
    [InlineData("--framework-file", "draft.json")]
    public async Task Without_input_or_draft_it_says_which_is_missing_and_exits_2(string option, string value)
    {
        var outcome = await CliRun.Simulate([option, value]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(option == "--input" ? "thiếu tùy chọn --framework-file" : "thiếu tùy chọn --input", outcome.ErrorLines[0]);
    }
}
