using System.Globalization;
using System.Text;
using Platform.Intake.Bulk;
using Platform.Intake.Evidence;
using Platform.Intake.Units;
using Platform.Scoring;
using Platform.Scoring.Cli;
using Platform.Scoring.Engine;

namespace Platform.Fuzzing.Tests.Harness;

/// <summary>
/// The parsers' entry points as their callers use them, each turned into a <see cref="Verdict"/>: what the caller would
/// answer (a result, or the problems it lists for people).
/// </summary>
public static class Targets
{
    /// <summary>
    /// The intake bulk import's reading of a file (<c>Import.Read</c>: xlsx or csv told apart by content), then what
    /// <c>Import.Handle</c> does with it before any database lookup: finds the row of keys, maps columns to the
    /// framework's inputs and reads every cell as its input (<see cref="CellReading"/>).
    /// </summary>
    public static Verdict BulkImport(byte[] bytes, CompiledFramework framework)
    {
        using var buffer = new MemoryStream();
        buffer.Write(bytes);
        var (read, unreadable) = Import.Read(buffer);
        if (unreadable is not null) return Verdict.Refused([$"{unreadable.ProblemDetails.Title}: {unreadable.ProblemDetails.Detail}"]);
        var grid = read!;
        if (grid.Rows.Take(Import.KeyRowSearch).FirstOrDefault(r => r.Value.Values.Any(v => v is string s && s == Template.UnitKey)) is not { Value: not null } keyRow)
            return Verdict.Refused(["Không tìm thấy dòng mã chỉ số (dòng có ô 'unit', là dòng 2 của tệp mẫu)."]);
        var inputs = new Dictionary<int, Scoring.Definitions.InputDefinition>();
        var problems = new List<string>();
        foreach (var (column, value) in keyRow.Value)
        {
            var key = Grid.Text(value);
            if (framework.Slots.TryGetValue(key, out var slot) && inputs.Values.All(i => i.Key != key)) inputs[column] = slot.Input;
            _ = Grid.Letter(column);
        }
        var rows = 0;
        foreach (var (row, cells) in grid.Rows.Where(r => r.Key > keyRow.Key))
        {
            if (++rows > Import.MaxRows) return Verdict.Refused([$"Tệp có quá {Import.MaxRows} dòng dữ liệu; hãy chia thành nhiều tệp."]);
            foreach (var (column, input) in inputs)
            {
                if (!cells.TryGetValue(column, out var cell)) continue;
                var (value, error) = CellReading.Read(input, cell, grid.DecimalMark);
                if (error is not null) problems.Add($"Dòng {row}, cột {Grid.Letter(column)}: {error}");
                else if (value is null) throw new InvalidOperationException("a cell read as neither a value nor a problem");
            }
        }
        return problems.Count == 0 ? Verdict.Ok() : Verdict.Refused(problems);
    }

    private static readonly IReadOnlyDictionary<string, UnitDetails> ShippedDirectory = LoadDirectory();

    private static Dictionary<string, UnitDetails> LoadDirectory()
    {
        var (rows, _) = UnitsCsv.Read(Encoding.UTF8.GetString(Seeds.ShippedUnits()));
        return rows.ToDictionary(r => r.Details.Code, r => r.Details);
    }

    /// <summary>
    /// The unit directory import before its transaction: the bytes decoded (<see cref="UnitsCsv.DecodeAsync"/>), split and
    /// checked (<see cref="UnitsCsv.Read"/>), then validated against the shipped directory as the units already stored.
    /// </summary>
    public static Verdict UnitsImport(byte[] bytes)
    {
        var (text, notText) = UnitsCsv.DecodeAsync(new MemoryStream(bytes, writable: false), CancellationToken.None).GetAwaiter().GetResult();
        if (text is null) return Verdict.Refused([notText!.Message]);
        var (rows, problems) = UnitsCsv.Read(text);
        problems.AddRange(UnitValidation.Validate(rows, ShippedDirectory, new DateOnly(2026, 12, 7)));
        return problems.Count == 0 ? Verdict.Ok() : Verdict.Refused(problems.Select(p => p.Message));
    }

    /// <summary>
    /// What the evidence upload inspects: the type from the content (<see cref="EvidenceTypes.Sniff"/>) and the shown
    /// file name (<see cref="EvidenceFileName.Sanitise"/>, here from a name made of the input's first bytes).
    /// </summary>
    public static Verdict Evidence(byte[] bytes)
    {
        if (bytes.Length > UploadEvidence.MaxFileBytes)
            return Verdict.Refused(["Tệp minh chứng vượt quá dung lượng cho phép (tối đa 20 MB)."]);
        if (EvidenceTypes.Sniff(bytes) is not { } type)
            return Verdict.Refused([$"Nội dung tệp không thuộc loại được chấp nhận làm minh chứng. Chỉ chấp nhận {EvidenceTypes.Accepted}."]);
        // The name from the content too, read as UTF-16 so that lone surrogates and every control character occur.
        var raw = new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes.AsSpan(0, Math.Min(bytes.Length, 600) & ~1)));
        CheckFileName(raw, EvidenceFileName.Sanitise(raw, type), type);
        return Verdict.Ok();
    }

    /// <summary>A shown name: at most 200 characters, no directory, control, invisible or quoting character, the content's extension.</summary>
    public static void CheckFileName(string raw, string name, EvidenceType type)
    {
        void Fail(string why) => throw new InvalidOperationException($"file name {name} made from {raw}: {why}");
        if (name.Length is 0 or > EvidenceFileName.MaxLength) Fail("length");
        if (name.IndexOfAny(['/', '\\', '"', '\'', '<', '>', ':', '*', '?', '|', '`']) >= 0) Fail("a forbidden character");
        if (name.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            Fail("a control or invisible character");
        if (!type.Extensions.Contains(Path.GetExtension(name).TrimStart('.'), StringComparer.OrdinalIgnoreCase)) Fail("the extension");
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && (i + 1 == name.Length || !char.IsLowSurrogate(name[i + 1]))) Fail("half a surrogate pair");
            if (char.IsLowSurrogate(name[i]) && (i == 0 || !char.IsHighSurrogate(name[i - 1]))) Fail("half a surrogate pair");
        }
    }

    /// <summary>
    /// <c>Scoring.Cli score</c> in process: the input from standard input (<c>--input -</c>) or, when <paramref name="fromFile"/>,
    /// from a file; exit 0 with a result, or exit 2 with one Vietnamese line per problem on standard error.
    /// </summary>
    public static Verdict ScoringCli(byte[] bytes, bool fromFile)
    {
        string? path = null;
        try
        {
            if (fromFile)
            {
                path = Path.Combine(Path.GetTempPath(), $"fuzz-run-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.json");
                File.WriteAllBytes(path, bytes);
            }
            using var stdin = new MemoryStream(bytes, writable: false);
            using var stdout = new MemoryStream();
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exit = ScoreCommand.RunAsync(["--input", path ?? "-"], stdin, stdout, stderr).GetAwaiter().GetResult();
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return exit switch
            {
                0 when stdout.Length > 0 => Verdict.Ok(),
                // Usage text follows some problems; the problem lines come first.
                Usage.InvalidInput => Verdict.Refused(lines.TakeWhile(l => !l.StartsWith("Cách dùng", StringComparison.Ordinal))),
                _ => throw new InvalidOperationException($"exit {exit}, {stdout.Length} bytes out, standard error: {stderr}"),
            };
        }
        finally
        {
            if (path is not null) File.Delete(path);
        }
    }

    /// <summary>A framework version file (an upload to intake, or the CLI's <c>--framework-file</c>), decoded as <see cref="File.ReadAllText(string)"/> does.</summary>
    public static Verdict FrameworkFileRead(byte[] bytes)
    {
        string json;
        using (var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            json = reader.ReadToEnd();
        var (framework, problems) = FrameworkFile.Read(json);
        return framework is not null ? Verdict.Ok() : Verdict.Refused(problems);
    }
}
