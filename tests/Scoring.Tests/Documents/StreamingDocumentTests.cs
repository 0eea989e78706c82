using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.Scoring.Tests.Documents.Legacy;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Documents;

/// <summary>
/// The streaming reader and writer (issue 18) against the document-tree ones they replace
/// (<see cref="LegacyScoringRunJson"/>, main at cd244d6): every shipped framework at several sizes, every overload, the
/// same bytes; every kind of malformed or unusual input, the same request and the same problems in the same order.
/// </summary>
public sealed class StreamingDocumentTests
{
    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var framework in ShippedFrameworks.Catalog.All.Select(f => f.Id).Distinct())
        {
            foreach (var units in new[] { 1, 40, 700 }) data.Add(framework, units);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_overload_writes_the_output_document_byte_for_byte_as_before(string id, int units)
    {
        foreach (var framework in ShippedFrameworks.Catalog.All.Where(f => f.Id == id))
        {
            var request = GeneratedRuns.Valid(framework, GeneratedRuns.Request(framework, units, seed: units));
            var result = new Scorer(framework).Score(request);
            var expected = LegacyScoringRunJson.WriteToString(result);
            var bytes = Encoding.UTF8.GetBytes(expected);

            Assert.Equal(expected, ScoringRunJson.WriteToString(result));
            Assert.Equal(bytes, ScoringRunJson.WriteToUtf8Bytes(result));
            using var stream = new MemoryStream();
            ScoringRunJson.Write(result, stream);
            Assert.Equal(bytes, stream.ToArray());
            var buffer = new ArrayBufferWriter<byte>(16);
            ScoringRunJson.Write(result, buffer);
            Assert.Equal(bytes, buffer.WrittenSpan.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_overload_writes_the_input_document_byte_for_byte_as_before_and_reads_it_back_as_before(string id, int units)
    {
        foreach (var framework in ShippedFrameworks.Catalog.All.Where(f => f.Id == id))
        {
            var request = GeneratedRuns.Request(framework, units, seed: units + 1);
            var expected = LegacyScoringRunJson.WriteInputToString(framework, request);
            var bytes = Encoding.UTF8.GetBytes(expected);

            Assert.Equal(expected, ScoringRunJson.WriteInputToString(framework, request));
            using var stream = new MemoryStream();
            ScoringRunJson.WriteInput(framework, request, stream);
            Assert.Equal(bytes, stream.ToArray());
            var buffer = new ArrayBufferWriter<byte>(16);
            ScoringRunJson.WriteInput(framework, request, buffer);
            Assert.Equal(bytes, buffer.WrittenSpan.ToArray());

            var before = Dump(LegacyScoringRunJson.Read(expected));
            Assert.Equal(before, Dump(ScoringRunJson.Read(expected)));
            Assert.Equal(before, Dump(ScoringRunJson.Read(bytes)));
            Assert.Equal(before, Dump(ScoringRunJson.Read(new MemoryStream(bytes))));
        }
    }

    [Fact]
    public void A_monthly_run_of_5000_units_is_written_the_same_across_many_flushes_and_shows_every_flag()
    {
        var framework = ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        var request = GeneratedRuns.Valid(framework, GeneratedRuns.Request(framework, 5_000, seed: 4585));
        var result = new Scorer(framework).Score(request);

        using var stream = new MemoryStream();
        ScoringRunJson.Write(result, stream);

        Assert.True(stream.Length > 1 << 20);
        Assert.Equal(Encoding.UTF8.GetBytes(LegacyScoringRunJson.WriteToString(result)), stream.ToArray());
    }

    [Fact]
    public void The_generated_runs_show_every_flag_a_shipped_framework_gives()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (framework, seed) in ShippedFrameworks.Catalog.All.SelectMany(f => Enumerable.Range(1, 4).Select(seed => (f, seed))))
        {
            var request = GeneratedRuns.Valid(framework, GeneratedRuns.Request(framework, 300, seed));
            using var document = JsonDocument.Parse(ScoringRunJson.WriteToString(new Scorer(framework).Score(request)));
            foreach (var unit in document.RootElement.GetProperty("results").EnumerateArray())
            {
                foreach (var indicator in unit.GetProperty("indicators").EnumerateObject())
                {
                    foreach (var flag in indicator.Value.GetProperty("flags").EnumerateArray()) flags.Add(flag.GetString()!);
                }
            }
        }

        // "excluded" needs a rule whose zero policy is "excluded", which no shipped framework has.
        Assert.Equal(Enum.GetValues<ScoreFlags>().Where(f => f is not ScoreFlags.None and not ScoreFlags.Excluded).SelectMany(f => f.ToNames()).Order(StringComparer.Ordinal),
            flags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Trailing_zeros_are_dropped_as_formatting_and_parsing_dropped_them()
    {
        var random = new Random(18);
        var values = new List<decimal>
        {
            0m, 0.000m, -0m, -0.00m, 1m, 1.0m, -1.10m, 80.50m, 100m, 100.00m, 0.005m, decimal.MaxValue, decimal.MinValue,
            new(1, 0, 0, false, 28), new(10, 0, 0, true, 28), new(-1, -1, -1, false, 28), new(-1, -1, -1, false, 1),
            new(0, 0, 1, false, 27), 79228162514264337593543950330m / 10m,
        };
        for (var i = 0; i < 20_000; i++)
        {
            var scale = (byte)random.Next(0, 29);
            var hi = random.Next(4) switch { 0 => random.Next(), 1 => random.Next(0, 1000), _ => 0 };
            var mid = random.Next(3) == 0 ? random.Next() : 0;
            var lo = random.Next(4) == 0 ? random.Next() : random.Next(0, 1000) * (int)Math.Pow(10, random.Next(0, 6));
            values.Add(new decimal(lo, mid, hi, random.Next(2) == 0, scale));
        }

        foreach (var value in values)
        {
            var expected = LegacyScoringRunJson.Normalize(value);
            var actual = ScoringRunJson.Normalize(value);
            Assert.Equal((expected, expected.Scale, decimal.IsNegative(expected)), (actual, actual.Scale, decimal.IsNegative(actual)));
            var shown = LegacyScoringRunJson.Shown(value);
            Assert.Equal((shown, shown.Scale), (ScoringRunJson.Shown(value), ScoringRunJson.Shown(value).Scale));
        }
    }

    public static TheoryData<string> Unusual() =>
    [
        "",
        "   ",
        "[]",
        "[1, 2",
        "42",
        "\"text\"",
        "null",
        "{}",
        "{",
        "{\"framework\": \"monthly-4585\", \"period\": \"2026-01\", \"units\": []} x",
        "{\"framework\": \"monthly-4585\", \"period\": \"2026-01\", \"units\": []} // done\n",
        "{\"framework\": \"monthly-4585\", \"period\": \"2026-01\", \"units\": [],}",
        "{\"framework\": 1, \"version\": 2, \"period\": null, \"peerGroup\": [], \"units\": {}}",
        "{\"framework\": null, \"version\": null, \"peerGroup\": null, \"units\": 3}",
        "{\"framework\": \"a\", \"framework\": 5, \"period\": 1, \"period\": \"2026-01\", \"units\": [], \"units\": 7}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"units\": [], \"references\": {\"C1\": 5, \"C1\": \"x\", \"C2\": 1.50, \"C3\": true}}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"references\": {\"C1\": \"x\"}, \"references\": {\"C2\": 2}, \"units\": []}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"references\": [1], \"units\": []}",
        """
        { /* a comment */ "framework": "monthly-4585", "period": "2026-01", "peerGroup": "provinces",
          "units": [
            1, "x", null, [], {}, { "unit": 5 }, { "unit": "  " }, { "unit": "a", "unit": 7 }, { "unit": 7, "unit": "b" },
            { "unit": "c", "values": { "A.due": 1, "A.due": null, "A.late": null, "A.onTime": 2, "A.onTime": 3.50,
                "B.B1": "17", "B.B2": true, "B.B3": false, "B.B4": [1, {"x": 2}], "B.B5": {"a": [null]}, "C1.records": 1e400,
                "C2.transactions": -0, "D1.total": -5, "D1.accepted": 12.000, "D2.rate": 1E-3, "E1.held": 123456789012345678901234567890,
                "\u0041.backlog": 1, "x\"y": 2, "E3.onTime": "true" },
              "bonus": 1.5, "bonus": null },
            { "unit": "d", "values": 5, "previous": { "values": { "A.due": 9 } }, "bonus": "x", "reviewer": { "A": 1, "B": "y", "C": [1] } },
            { "unit": "e", "values": { "A.due": 1 }, "values": [], "previous": { "values": { "A.due": 9 }, "values": null },
              "bonus": 1.0e2, "reviewer": { "A": "z" }, "reviewer": { "B": 2 }, "other": { "deep": [[[{}]]] } },
            { "unit": "f", "previous": 3, "bonus": 2.50, "reviewer": 4 },
            { "unit": "g", "previous": { "other": 1 }, "bonus": true },
            { "unit": "Lào Cai – tỉnh", "values": { "E3.onTime": true, "Ghi chú": "chữ có dấu", "esc": "\ud83d\ude00\n\t" } },
          ],
        }
        """,
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"units\": [" + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "]}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"units\": [{\"unit\": \"a\", \"values\": {\"k\": tru}}]}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"units\": [{\"unit\": \"a\", \"values\": {\"k\": 01}}]}",
        "{\"framework\": \"a\", \"period\": \"2026-01\", \"units\": [{\"unit\": \"a\", \"values\": {\"k\": \"\\x\"}}]}",
        "{\"framework\": \"a\",\n \"period\": \"2026-01\",\n \"units\": [{\"unit\": \"a\", \"values\": {\"k\": 1}}\n\n  ]]",
        "\uFEFF{\"framework\": \"monthly-4585\", \"period\": \"2026-01\", \"units\": []}",
    ];

    [Theory]
    [MemberData(nameof(Unusual))]
    public void An_unusual_or_malformed_input_reads_as_before_with_the_same_problems_in_the_same_order(string json)
    {
        var before = Dump(LegacyScoringRunJson.Read(json));
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Equal(before, Dump(ScoringRunJson.Read(json)));
        Assert.Equal(before, Dump(ScoringRunJson.Read(bytes)));
        Assert.Equal(before, Dump(ScoringRunJson.Read(new MemoryStream(bytes))));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_their_decoded_text_did()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"framework\": \"monthly-4585\", \"period\": \"2026-01\", \"units\": [{\"unit\": \"a?b\", \"values\": {\"k?\": \"v?\"}}]}");
        foreach (var i in Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'?')) bytes[i] = 0xC3;

        Assert.Equal(Dump(LegacyScoringRunJson.Read(Encoding.UTF8.GetString(bytes))), Dump(ScoringRunJson.Read(bytes)));
        Assert.Contains("\uFFFD", Dump(ScoringRunJson.Read(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_too_large_for_a_reference_bonus_or_reviewer_score_is_a_problem_where_the_document_tree_threw()
    {
        const string json = """
            { "framework": "nq57-self-2026", "period": "2026", "references": { "C1": 1e400 },
              "units": [ { "unit": "a", "bonus": 1e400, "reviewer": { "1.1": 1e400 } } ] }
            """;

        Assert.Throws<FormatException>(() => LegacyScoringRunJson.Read(json));
        Assert.Equal(
            [
                "references.C1: giá trị tham chiếu phải là số trong phạm vi cho phép (số quá lớn)",
                "a, bonus: điểm thưởng phải là số trong phạm vi cho phép (số quá lớn)",
                "a, reviewer.1.1: điểm thẩm định phải là số trong phạm vi cho phép (số quá lớn)",
            ],
            ScoringRunJson.Read(json).Problems.Select(p => p.ToString()));
    }

    /// <summary>Everything a read gave, as text: the problems in order, then the request with every value's type and scale.</summary>
    private static string Dump((ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) read)
    {
        var text = new StringBuilder();
        foreach (var p in read.Problems) text.Append("problem ").Append(p.Unit).Append('|').Append(p.Key).Append('|').AppendLine(p.Message);
        if (read.Input is not { } input) return text.AppendLine("no input").ToString();
        var request = input.Request;
        text.AppendLine($"{input.Framework}|{input.Version}|{request.Period}|{request.PeerGroup}|{request.Units.GetType().Name}");
        foreach (var (code, value) in request.References!) text.AppendLine(CultureInfo.InvariantCulture, $"reference {code}={value}");
        foreach (var unit in request.Units)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"unit {unit.Unit} bonus {unit.Bonus} {unit.Values.GetType().Name}");
            foreach (var (key, value) in unit.Values) text.AppendLine($"  {key}={Value(value)}");
            if (unit.Previous is { } previous)
            {
                text.AppendLine("  previous");
                foreach (var (key, value) in previous) text.AppendLine($"    {key}={Value(value)}");
            }
            if (unit.Reviewer is { } reviewer)
            {
                text.AppendLine("  reviewer");
                foreach (var (key, value) in reviewer) text.AppendLine(CultureInfo.InvariantCulture, $"    {key}={value}");
            }
        }
        return text.ToString();
    }

    private static string Value(object value) => value switch
    {
        decimal d => $"decimal {d.ToString(CultureInfo.InvariantCulture)} negative {decimal.IsNegative(d)}",
        bool b => $"bool {b}",
        string s => $"string {s}",
        JsonElement e => $"json {e.ValueKind} {e.GetRawText()}",
        _ => $"other {value.GetType().Name}",
    };
}
