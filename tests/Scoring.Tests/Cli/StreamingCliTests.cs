using System.Text;
using Platform.Scoring.Tests.Documents;
using Platform.Scoring.Tests.Documents.Legacy;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Cli;

/// <summary>
/// <c>score</c> reading bytes and streaming its output (issue 18) against the command as it was
/// (<see cref="LegacyScoreCommand"/>, main at cd244d6): for every way of calling it, valid and invalid inputs, the same
/// exit code, the same bytes on standard output or in the output file, the same lines on standard error.
/// </summary>
public sealed class StreamingCliTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("scoring-cli-streaming-");

    public void Dispose() => directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(directory.FullName, name);

    /// <summary>A generated input of the framework, with some values written as null (not reported) and a comment.</summary>
    private static string Input(string id, int units, int seed)
    {
        var framework = ShippedFrameworks.Catalog.All.Last(f => f.Id == id);
        var json = LegacyScoringRunJson.WriteInputToString(framework, GeneratedRuns.Request(framework, units, seed));
        return "// generated\n" + json.Replace("\"E2.reports\": 0,", "\"E2.reports\": null,", StringComparison.Ordinal)
            .Replace("\"bonus\": 0\n", "\"bonus\": null\n", StringComparison.Ordinal);
    }

    /// <summary>Both commands with the same arguments (the output file's name told apart) and standard input; the same outcome.</summary>
    private async Task<string> AssertSameAsBefore(string[] args, byte[] stdin, bool? expectSuccess)
    {
        var outputAt = Array.IndexOf(args, "--output");
        var legacyArgs = outputAt < 0 ? args : args.Select((a, i) => i == outputAt + 1 ? a + ".before" : a).ToArray();

        // Standard input as Console.In decodes it: UTF-8, a byte order mark kept as a character.
        using var legacyIn = new StreamReader(new MemoryStream(stdin), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        await using var legacyOut = new StringWriter();
        await using var legacyErr = new StringWriter();
        var legacyExit = await LegacyScoreCommand.RunAsync(legacyArgs, legacyIn, legacyOut, legacyErr);

        var (exit, stdout, stderr) = await CliRun.ScoreBytes(args, stdin);

        Assert.True(legacyExit == exit, $"exit {legacyExit} before, {exit} now; {string.Join(' ', args)}; now: {stderr}; before: {legacyErr}");
        Assert.Equal(legacyErr.ToString().Replace(".before", "", StringComparison.Ordinal), stderr);
        Assert.Equal(Encoding.UTF8.GetBytes(legacyOut.ToString()), stdout);
        if (outputAt >= 0 && File.Exists(legacyArgs[outputAt + 1]))
            Assert.Equal(await File.ReadAllBytesAsync(legacyArgs[outputAt + 1]), await File.ReadAllBytesAsync(args[outputAt + 1]));
        if (expectSuccess is { } success) Assert.True(success == (exit == 0), stderr);
        if (exit == 0) Assert.True(stdout.Length > 0 || outputAt >= 0);
        return stderr;
    }

    public static TheoryData<string, int> Runs() => new()
    {
        { "monthly-4585", 1 },
        { "monthly-4585", 300 },
        { "monthly-4585", 3000 },
        { "dti-province-405", 34 },
        { "nq57-self-2026", 120 },
        { "qd2244-annual", 63 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task A_valid_input_gives_the_same_bytes_from_standard_input_from_a_file_and_to_a_file(string id, int units)
    {
        var framework = ShippedFrameworks.Catalog.All.Last(f => f.Id == id);
        var json = LegacyScoringRunJson.WriteInputToString(framework, GeneratedRuns.Valid(framework, GeneratedRuns.Request(framework, units, units)));
        var bytes = Encoding.UTF8.GetBytes(json);
        var file = PathOf("run.json");
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        await AssertSameAsBefore(["--input", "-"], bytes, expectSuccess: true);
        await AssertSameAsBefore(["--input", file], [], expectSuccess: true);
        await AssertSameAsBefore(["--input", file, "--output", PathOf("result.json")], [], expectSuccess: true);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task A_generated_input_with_unusable_units_not_reported_values_and_comments_gives_the_same_outcome(string id, int units)
    {
        // Generated values may include some the engine refuses (each then named on standard error, exit 2).
        var bytes = Encoding.UTF8.GetBytes(Input(id, units, units + 7));

        await AssertSameAsBefore(["--input", "-"], bytes, expectSuccess: null);
    }

    [Fact]
    public async Task A_draft_framework_file_gives_the_same_bytes_and_the_same_mismatch()
    {
        var framework = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        var bytes = Encoding.UTF8.GetBytes(LegacyScoringRunJson.WriteInputToString(framework, GeneratedRuns.Valid(framework, GeneratedRuns.Request(framework, 500, 5))));
        var draft = PathOf("draft.json");
        await File.WriteAllTextAsync(draft, FrameworkDrafts.Reweighted().ToJsonString(), TestContext.Current.CancellationToken);
        var other = PathOf("other.json");
        await File.WriteAllTextAsync(other, FrameworkDrafts.Shipped("dti-province-405").ToJsonString(), TestContext.Current.CancellationToken);

        await AssertSameAsBefore(["--input", "-", "--framework-file", draft], bytes, expectSuccess: true);
        await AssertSameAsBefore(["--input", "-", "--framework-file", draft, "--output", PathOf("draft-result.json")], bytes, expectSuccess: true);
        await AssertSameAsBefore(["--input", "-", "--framework-file", other], bytes, expectSuccess: false);
        await AssertSameAsBefore(["--input", "-", "--framework-file", PathOf("missing.json")], bytes, expectSuccess: false);
    }

    [Theory]
    [MemberData(nameof(StreamingDocumentTests.Unusual), MemberType = typeof(StreamingDocumentTests))]
    public async Task An_unusual_or_malformed_input_gives_the_same_outcome(string json)
    {
        await AssertSameAsBefore(["--input", "-"], Encoding.UTF8.GetBytes(json), expectSuccess: null);
    }

    [Theory]
    [InlineData("\"D2.rate\": 1.5, \"A.due\": -1, \"A.onTime\": \"x\", \"B.B1\": 1e400, \"E3.onTime\": 3", "2026-01")]
    [InlineData("\"A.due\": 1", "2026-13")]
    [InlineData("\"A.due\": 1", "2019-01")]
    [InlineData("\"unknown\": 1", "2026-01")]
    public async Task Invalid_values_periods_and_keys_give_the_same_lines_on_standard_error(string values, string period)
    {
        await AssertSameAsBefore(["--input", "-"], Encoding.UTF8.GetBytes(Inputs.Monthly(values, period)), expectSuccess: false);
        await AssertSameAsBefore(["--input", "-"], Encoding.UTF8.GetBytes(Inputs.Monthly(values, period).Replace("monthly-4585", "monthly-4585\", \"version\": \"none", StringComparison.Ordinal)), expectSuccess: false);
    }

    [Fact]
    public async Task Options_missing_files_and_unwritable_outputs_give_the_same_outcome()
    {
        var input = Encoding.UTF8.GetBytes(Inputs.ScoringIoExample);
        await AssertSameAsBefore([], input, expectSuccess: false);
        await AssertSameAsBefore(["--input"], input, expectSuccess: false);
        await AssertSameAsBefore(["--input", "-", "--verbose"], input, expectSuccess: false);
        await AssertSameAsBefore(["--input", PathOf("missing.json")], [], expectSuccess: false);
        await AssertSameAsBefore(["--input", directory.FullName], [], expectSuccess: false);
        await AssertSameAsBefore(["--input", "-", "--output", PathOf("no/such/dir/result.json")], input, expectSuccess: false);
    }

    [Fact]
    public async Task Byte_order_marks_and_bytes_that_are_not_utf8_read_as_before()
    {
        var json = Inputs.ScoringIoExample.Replace("lao-cai", "lào-cai", StringComparison.Ordinal);
        var utf8 = Encoding.UTF8.GetBytes(json);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. utf8];
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray();
        var notUtf8 = utf8.ToArray();
        notUtf8[Array.IndexOf(utf8, (byte)0xC3) + 1] = 0xFF; // "là" with its second byte broken

        foreach (var (name, bytes) in new[] { ("bom.json", withBom), ("utf16.json", utf16), ("bad.json", notUtf8) })
        {
            await File.WriteAllBytesAsync(PathOf(name), bytes, TestContext.Current.CancellationToken);
            await AssertSameAsBefore(["--input", PathOf(name)], [], expectSuccess: true);
        }
        // On standard input a byte order mark is not skipped: it is the syntax error it was.
        await AssertSameAsBefore(["--input", "-"], withBom, expectSuccess: false);
        await AssertSameAsBefore(["--input", "-"], notUtf8, expectSuccess: true);
    }
}
