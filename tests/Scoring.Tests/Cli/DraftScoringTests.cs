using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Cli;

/// <summary>
/// <c>score --framework-file draft.json</c>: the input scored under a draft of its framework, read as an uploaded
/// version is read; a draft with problems, or of another framework, is invalid input (exit 2, Vietnamese on stderr).
/// </summary>
public sealed class DraftScoringTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scoring-cli-draft-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Draft(JsonObject draft) => Write("draft.json", draft.ToJsonString());

    // Worked out by hand from the draft (FrameworkDrafts.Reweighted: B = sum × 0.05, C1 = C2 = 22.5, D1 = D2 = 5), the rest as 4585:
    //   Lào Cai:   A 16.3 (as 4585) + B 100 × 0.05 = 5 + C 100/200 × 22.5 + 50/100 × 22.5 = 22.5 + D 5/10 × 5 + 0.5 × 5 = 5 + E 15 = 63.8 → 64, C
    //   Thanh Hóa: A 20 + B 0 + C 22.5 + 22.5 = 45 + D 0 + E 0 = 65 → 65, C.   65 > 64: Thanh Hóa rank 1, Lào Cai rank 2.
    [Fact]
    public async Task A_draft_scores_the_input_under_its_own_weights_as_worked_out_by_hand()
    {
        var outcome = await CliRun.Score(["--input", "-", "--framework-file", Draft(FrameworkDrafts.Reweighted())], Inputs.TwoProvinces);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        using var document = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(FrameworkDrafts.ReweightedVersion, document.RootElement.GetProperty("version").GetString());
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("unit").GetString()!);
        Assert.Equal((64m, 63.8m, "C", 2), Line(results["lao-cai"]));
        Assert.Equal((65m, 65m, "C", 1), Line(results["thanh-hoa"]));
        Assert.Equal(5m, results["lao-cai"].GetProperty("indicators").GetProperty("B").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task The_shipped_file_as_a_draft_scores_exactly_like_the_shipped_version()
    {
        var shipped = await CliRun.ScoreJson(Inputs.TwoProvinces);
        var asDraft = await CliRun.Score(["--input", "-", "--framework-file", Draft(FrameworkDrafts.Shipped())], Inputs.TwoProvinces);

        Assert.Equal(0, asDraft.ExitCode);
        Assert.Equal(shipped.Stdout, asDraft.Stdout);
    }

    [Fact]
    public async Task A_draft_whose_maxima_do_not_add_up_exits_2_naming_the_group_in_vietnamese()
    {
        var draft = FrameworkDrafts.Shipped();
        FrameworkDrafts.Indicator(draft, "C1")["max"] = 12;
        var path = Draft(draft);

        var outcome = await CliRun.Score(["--input", "-", "--framework-file", path], Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal([$"{path}: nhóm C: tổng điểm tối đa của các thành phần là 22, khác 20"], outcome.ErrorLines);
    }

    [Fact]
    public async Task Points_in_a_drafts_problem_are_written_the_vietnamese_way()
    {
        var draft = FrameworkDrafts.Shipped();
        FrameworkDrafts.Indicator(draft, "C1")["max"] = 10.5m;
        var path = Draft(draft);

        var outcome = await CliRun.Score(["--input", "-", "--framework-file", path], Inputs.TwoProvinces);

        Assert.Equal([$"{path}: nhóm C: tổng điểm tối đa của các thành phần là 20,5, khác 20"], outcome.ErrorLines);
    }

    [Fact]
    public async Task A_draft_that_is_not_a_definition_names_the_json_path_and_line()
    {
        var draft = FrameworkDrafts.Shipped();
        draft["maxPoints"] = "một trăm";
        var path = Write("draft.json", draft.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var outcome = await CliRun.Score(["--input", "-", "--framework-file", path], Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"{path}: $.maxPoints (dòng ", line, StringComparison.Ordinal);
        Assert.EndsWith("giá trị không đúng kiểu", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_of_another_framework_is_refused()
    {
        var path = Draft(FrameworkDrafts.Shipped("nq57-self-2026"));

        var outcome = await CliRun.Score(["--input", "-", "--framework-file", path], Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal([$"framework: tệp {path} là khung \"nq57-self-2026\", còn dữ liệu vào là khung \"monthly-4585\""], outcome.ErrorLines);
    }

    [Fact]
    public async Task A_framework_file_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(_directory, "khong-co.json");

        var outcome = await CliRun.Score(["--input", "-", "--framework-file", missing], Inputs.TwoProvinces);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([$"không tìm thấy tệp khung chỉ số {missing}"], outcome.ErrorLines);
    }

    private static (decimal, decimal, string?, int) Line(JsonElement unit) => (unit.GetProperty("total").GetDecimal(),
        Math.Round(unit.GetProperty("unrounded").GetDecimal(), 10), unit.GetProperty("classification").GetString(), unit.GetProperty("rank").GetInt32());
}
