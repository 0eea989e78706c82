namespace Platform.Scoring.Tests.Cli;

/// <summary>
/// scoring-io.md: invalid input → exit code 2, nothing on standard output, one line per problem on standard
/// error naming the unit and the key and saying, in Vietnamese, what is wrong.
/// </summary>
public sealed class InvalidInputTests
{
    public static TheoryData<string, string, string> OneProblem => new()
    {
        // input, the line's start (unit, key), a Vietnamese phrase of the message
        { """{ "framework": "monthly-9999", "period": "2026-01", "units": [] }""", "framework: ", "không có khung \"monthly-9999\"" },
        { """{ "framework": "monthly-4585", "version": "9999/QĐ-BKHCN", "period": "2026-01", "units": [] }""", "framework: ", "phiên bản \"9999/QĐ-BKHCN\"" },
        { Inputs.Monthly("\"A.bogus\": 1"), "lao-cai, A.bogus: ", "không có trong khung monthly-4585" },
        { Inputs.Monthly("\"A.due\": \"10\""), "lao-cai, A.due: ", "phải là số" },
        { Inputs.Monthly("\"E3.onTime\": 1"), "lao-cai, E3.onTime: ", "phải là đúng/sai" },
        { Inputs.Monthly("\"C1.records\": -5"), "lao-cai, C1.records: ", "số nguyên không âm" },
        { Inputs.Monthly("\"E2.speeches\": 1.5"), "lao-cai, E2.speeches: ", "số nguyên không âm" },
        { Inputs.Monthly("\"D2.rate\": 1.2"), "lao-cai, D2.rate: ", "tỷ lệ từ 0 đến 1" },
        { Inputs.Monthly("\"E3.onTime\": true, \"E3.completion\": -0.1"), "lao-cai, E3.completion: ", "tỷ lệ từ 0 đến 1" },
        // onTime + late = 4 + 2 = 6 > due + backlog = 5 + 0.
        { Inputs.Monthly("\"A.due\": 5, \"A.backlog\": 0, \"A.onTime\": 4, \"A.late\": 2"), "lao-cai, A.onTime: ", "không được vượt quá" },
        {
            """
            { "framework": "monthly-4585", "period": "2026-01",
              "units": [ { "unit": "lao-cai", "values": {} }, { "unit": "lao-cai", "values": {} } ] }
            """,
            "lao-cai: ", "xuất hiện hai lần"
        },
        { """{ "framework": "monthly-4585", "period": "2026-01", "units": [ """, "", "không đọc được JSON" },
        { """{ "framework": "monthly-4585", "units": [] }""", "period: ", "bắt buộc" },
        { Inputs.Monthly("\"A.due\": 1", period: "2026"), "period: ", "phải có dạng YYYY-MM" },
        { """{ "framework": "qd2244-annual", "period": "2025-04", "units": [] }""", "period: ", "phải có dạng YYYY" },
        { Inputs.Monthly("\"A.due\": 1", period: "01/2026"), "period: ", "không hợp lệ" },
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public async Task An_invalid_input_exits_2_with_one_vietnamese_line_naming_the_unit_and_key(string json, string start, string phrase)
    {
        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
        Assert.Contains(phrase, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_give_one_line_each()
    {
        // Unit lao-cai: a string count, a negative count, an unknown key; then lao-cai again (duplicate).
        const string json = """
            { "framework": "monthly-4585", "period": "2026-01",
              "units": [
                { "unit": "lao-cai", "values": { "A.due": "ten", "C2.transactions": -1, "Z.z": 3 } },
                { "unit": "lao-cai", "values": {} } ] }
            """;

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Collection(outcome.ErrorLines,
            l => Assert.Equal("lao-cai, A.due: phải là số", l),
            l => Assert.Equal("lao-cai, C2.transactions: phải là số nguyên không âm (nhận được -1)", l),
            l => Assert.Equal("lao-cai, Z.z: chỉ số đầu vào không có trong khung monthly-4585", l),
            l => Assert.Equal("lao-cai: đơn vị xuất hiện hai lần trong lượt chấm", l));
    }

    [Fact]
    public async Task Type_range_and_cross_field_problems_of_one_unit_come_back_in_one_run()
    {
        // Text for a boolean, a fraction of 1.5, a negative count, and 4 + 2 tasks done > 5 due + 0 backlog: four lines at once.
        var json = Inputs.Monthly("\"E3.onTime\": \"có\", \"D2.rate\": 1.5, \"C2.transactions\": -3, \"A.due\": 5, \"A.backlog\": 0, \"A.onTime\": 4, \"A.late\": 2");

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Collection(outcome.ErrorLines,
            l => Assert.Equal("lao-cai, E3.onTime: phải là đúng/sai (true/false)", l),
            l => Assert.Equal("lao-cai, D2.rate: phải là tỷ lệ từ 0 đến 1 (nhận được 1,5)", l),
            l => Assert.Equal("lao-cai, C2.transactions: phải là số nguyên không âm (nhận được -3)", l),
            l => Assert.StartsWith("lao-cai, A.onTime: “Số nhiệm vụ hoàn thành đúng hạn trong tháng” cộng “Số nhiệm vụ quá hạn đã hoàn thành trong tháng” không được vượt quá", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Problems_in_different_units_each_name_their_unit()
    {
        const string json = """
            { "framework": "monthly-4585", "period": "2026-01",
              "units": [
                { "unit": "lao-cai", "values": { "D2.rate": 2 } },
                { "unit": "ha-noi", "values": { "E3.onTime": "yes" } } ] }
            """;

        var outcome = await CliRun.ScoreJson(json);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(2, outcome.ErrorLines.Length);
        Assert.StartsWith("lao-cai, D2.rate: ", outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("ha-noi, E3.onTime: ", outcome.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_2_and_names_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-run-{Guid.NewGuid():N}.json");

        var outcome = await CliRun.Score(["--input", missing]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Equal($"không tìm thấy tệp dữ liệu vào {missing}", line);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("--in")]
    public async Task An_unknown_option_exits_2_and_names_the_option_before_the_usage(string option)
    {
        var outcome = await CliRun.Score(["--input", "-", option], Inputs.ScoringIoExample);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal($"tùy chọn dòng lệnh không hợp lệ: {option}", outcome.ErrorLines[0]);
        Assert.Contains("Cách dùng", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_without_its_value_exits_2()
    {
        var outcome = await CliRun.Score(["--input"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal("tùy chọn --input: thiếu giá trị", outcome.ErrorLines[0]);
    }

    [Fact]
    public async Task Score_without_input_exits_2()
    {
        var outcome = await CliRun.Score([]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal("thiếu tùy chọn --input", outcome.ErrorLines[0]);
    }
}
