using System.Text;
using Platform.Intake.Bulk;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Fuzzing.Tests.Harness;

/// <summary>
/// Valid files as people get them: the intake template (xlsx and csv, written by the service's own template writers in
/// the layout <see cref="DownloadTemplate"/> gives), the shipped unit directory, scoring-run inputs written by
/// <see cref="ScoringRunJson.WriteInputToString"/>, the shipped framework files, and small files of every evidence type.
/// </summary>
public static class Seeds
{
    public static readonly FrameworkCatalog Catalog = FrameworkCatalog.Shipped();

    /// <summary>The frameworks intake imports (one version of each id).</summary>
    public static IReadOnlyList<CompiledFramework> Frameworks { get; } = [.. Catalog.All.GroupBy(f => f.Id).Select(g => g.Last())];

    public static CompiledFramework Framework(string id) => Frameworks.Single(f => f.Id == id);

    /// <summary>The template's sheet: Vietnamese headers, the row of keys, one row per unit with typed values.</summary>
    internal static List<IReadOnlyList<object?>> TemplateSheet(CompiledFramework framework, int units, Random random)
    {
        var inputs = framework.Inputs;
        List<IReadOnlyList<object?>> sheet =
        [
            ["Mã đơn vị", "Tên đơn vị", .. inputs.Select(Template.HeaderOf)],
            [Template.UnitKey, Template.UnitNameKey, .. inputs.Select(i => i.Key)],
        ];
        for (var u = 0; u < units; u++)
        {
            sheet.Add([$"ha-noi.so-{u}", $"Sở số {u}, Hà Nội",
                .. inputs.Select(i => random.Next(5) == 0 ? null : Template.CellOf(System.Text.Json.JsonSerializer.SerializeToElement(Value(i, random))))]);
        }
        return sheet;
    }

    private static object Value(Scoring.Definitions.InputDefinition input, Random random) => input.Type switch
    {
        "boolean" => random.Next(2) == 0,
        "choice" => input.Options!.Keys.ElementAt(random.Next(input.Options.Count)),
        "fraction" => Math.Round((decimal)random.NextDouble(), 2),
        "score" => Math.Round((input.Min ?? 0m) + ((input.Max ?? 10m) - (input.Min ?? 0m)) * (decimal)random.NextDouble(), 1),
        _ => (decimal)random.Next(0, 40),
    };

    internal static byte[] TemplateXlsx(CompiledFramework framework, int units, Random random)
    {
        var sheet = TemplateSheet(framework, units, random);
        var entry = new XlsxFormat.SheetContent("Nhập liệu",
            [(XlsxFormat.Header, sheet[0]), (XlsxFormat.Keys, sheet[1]), .. sheet.Skip(2).Select(r => (XlsxFormat.Plain, r))],
            [14, 32, .. framework.Inputs.Select(_ => 24d)]);
        var guide = new XlsxFormat.SheetContent("Hướng dẫn",
            [(XlsxFormat.Header, ["Hướng dẫn nhập liệu"]), (XlsxFormat.Plain, ["Khung đánh giá", framework.Id])], [16, 48]);
        return XlsxFormat.Write([entry, guide]);
    }

    internal static byte[] TemplateCsv(CompiledFramework framework, int units, Random random, bool semicolon)
    {
        var sheet = TemplateSheet(framework, units, random);
        var bytes = CsvFormat.Write(sheet.Select(r => r.Select(c => c is null ? "" : Grid.Text(c)).ToList()));
        if (!semicolon) return bytes;
        // Excel in the Vietnamese locale: ';' between cells, ',' as the decimal mark.
        var rows = sheet.Select(r => string.Join(';', r.Select(c => c switch
        {
            null => "",
            decimal d => Grid.Text(d).Replace('.', ','),
            _ => Grid.Text(c).Contains(';', StringComparison.Ordinal) ? $"\"{Grid.Text(c)}\"" : Grid.Text(c),
        })));
        return Encoding.UTF8.GetBytes(string.Join("\r\n", rows));
    }

    public static IReadOnlyList<(string Name, byte[] Bytes)> BulkImport()
    {
        var random = new Random(20);
        var seeds = new List<(string, byte[])>();
        foreach (var framework in Frameworks)
        {
            seeds.Add(($"template xlsx {framework.Id}", TemplateXlsx(framework, 3, random)));
            seeds.Add(($"template csv {framework.Id}", TemplateCsv(framework, 3, random, semicolon: false)));
            seeds.Add(($"template csv; {framework.Id}", TemplateCsv(framework, 3, random, semicolon: true)));
        }
        return seeds;
    }

    /// <summary>The shipped unit directory (the export's format), and a short one.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> UnitsCsv()
    {
        var full = ShippedUnits();
        var lines = Encoding.UTF8.GetString(full).Split('\n');
        return
        [
            ("shipped units.csv", full),
            ("units.csv first 12 lines", Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(12)))),
            ("units.csv with BOM", [.. Encoding.UTF8.GetPreamble(), .. full]),
        ];
    }

    public static byte[] ShippedUnits()
    {
        using var stream = typeof(Intake.Units.UnitsCsv).Assembly.GetManifestResourceStream("Platform.Intake.Units.Data.units.csv")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Scoring-run inputs of a few units for every shipped framework, as monthly scoring exports them.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> ScoringRuns()
    {
        var random = new Random(18);
        return [.. Frameworks.Select(f => ($"scoring run {f.Id}", Encoding.UTF8.GetBytes(ScoringRunJson.WriteInputToString(f, Run(f, random, 4)))))];
    }

    private static ScoringRequest Run(CompiledFramework framework, Random random, int units)
    {
        var definition = framework.Definition;
        var list = Enumerable.Range(0, units).Select(u => new UnitValues($"u{u}",
            framework.Inputs.ToDictionary(i => i.Key, i => Value(i, random) is decimal d && i.Max is { } max && d > max ? max : Value(i, random)))).ToList();
        var period = definition.PeriodType == "month" ? "2026-03" : "2026";
        var request = new ScoringRequest(period, definition.PeerGroups.Count > 0 ? definition.PeerGroups[0] : null, list);
        var bad = new Scorer(framework).Validate(request).Select(p => p.Unit).ToHashSet();
        return request with { Units = [.. list.Where(u => !bad.Contains(u.Unit))] };
    }

    /// <summary>The shipped framework files, as written by people.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> FrameworkFiles() =>
        [.. FrameworkCatalog.ShippedFiles().Select((json, i) => ($"shipped framework file {i}", Encoding.UTF8.GetBytes(json)))];

    /// <summary>A small file of each accepted evidence type, and a few refused ones.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Evidence()
    {
        var random = new Random(7);
        return
        [
            ("pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")),
            ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE]),
            ("jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9]),
            ("gif", [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B]),
            ("webp", [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0]),
            ("xlsx", TemplateXlsx(Frameworks[0], 2, random)),
            ("docx", Mutations.WriteEntries([("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray())], null)),
            ("doc", CompoundFile("WordDocument")),
            ("xls", CompoundFile("Workbook")),
            ("msi", CompoundFile("SummaryInformation")),
            ("zip", Mutations.WriteEntries([("a.txt", "a"u8.ToArray())], null)),
            ("html", "<!doctype html><script>alert(1)</script>"u8.ToArray()),
        ];
    }

    /// <summary>A compound file header and one directory sector holding one stream named <paramref name="stream"/>.</summary>
    private static byte[] CompoundFile(string stream)
    {
        var bytes = new byte[512 + 512];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        var entry = bytes.AsSpan(512 + 128, 128);
        var name = Encoding.Unicode.GetBytes(stream + "\0");
        name.CopyTo(entry);
        entry[64] = (byte)name.Length;
        entry[66] = 2;
        return bytes;
    }

    /// <summary>A valid xlsx whose sheet part inflates to <paramref name="size"/> bytes.</summary>
    private static readonly Lazy<byte[]> GigabyteBomb = new(() => ZipBomb(1L << 30));

    /// <summary>An xlsx of about 2.5 MB whose sheet inflates to 1 GiB; <paramref name="lying"/>: its headers declare 4 KiB.</summary>
    internal static byte[] GigabyteZipBomb(bool lying) => lying ? Mutations.LieAboutSize(GigabyteBomb.Value, "xl/worksheets/sheet1.xml", 4096) : GigabyteBomb.Value;

    internal static byte[] ZipBomb(long size)
    {
        var template = TemplateXlsx(Framework("monthly-4585"), 1, new Random(1));
        var entries = Mutations.ReadEntries(template);
        var sheet = entries.First(e => e.Name.Contains("worksheets/", StringComparison.Ordinal)).Name;
        return Mutations.WriteEntries(entries, (sheet, size));
    }
}
