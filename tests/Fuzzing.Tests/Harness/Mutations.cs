using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Platform.Fuzzing.Tests.Harness;

/// <summary>
/// Inputs made from valid seeds by mutation (bytes, text and — for Office files — zip entries), plus purely random
/// ones. Each input is made from one FsCheck-drawn integer through <see cref="System.Random"/>, so the shape it reports
/// (seed name, random number, mutations) is enough to make it again.
/// </summary>
public static class Mutations
{
    /// <summary>Mutated seeds most of the time, random bytes or random tokens otherwise; never larger than <paramref name="maxBytes"/>.</summary>
    public static Gen<FuzzInput> From(IReadOnlyList<(string Name, byte[] Bytes)> seeds, Format format, int maxBytes) =>
        Gen.Choose(0, int.MaxValue).Select(n => Make(seeds, format, maxBytes, n));

    public static FuzzInput Make(IReadOnlyList<(string Name, byte[] Bytes)> seeds, Format format, int maxBytes, int n)
    {
        var random = new Random(n);
        var roll = random.Next(100);
        if (roll < 8) return new FuzzInput(RandomBytes(random, random.Next(0, 70_000)), $"random bytes #{n}");
        if (roll < 14) return new FuzzInput(Encoding.UTF8.GetBytes(RandomTokens(random, format, random.Next(1, 2000))), $"random {format} tokens #{n}");
        var (name, seed) = seeds[random.Next(seeds.Count)];
        var steps = new List<string>();
        var bytes = seed;
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var (next, step) = (format, random.Next(10)) switch
            {
                (Format.Zip, < 5) => ZipMutation(bytes, random, maxBytes),
                (Format.Json, < 4) => JsonMutation(bytes, random),
                (Format.Csv or Format.Json, < 7) => TextMutation(bytes, random, format, maxBytes),
                _ => ByteMutation(bytes, random),
            };
            bytes = next.Length > maxBytes ? next[..maxBytes] : next;
            steps.Add(step);
        }
        return new FuzzInput(bytes, $"{name} #{n}: {string.Join(", ", steps)}");
    }

    public enum Format { Zip, Csv, Json, Binary }

    private static readonly string[] CsvTokens =
    [
        ",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", "\uFEFF", "=SUM(A1:A9)", "=HYPERLINK(\"http://x\",\"y\")", "@cmd", "+1", "-0",
        "1e400", "NaN", "Infinity", "79228162514264337593543950336", "0,9", "0.9", "1.234,5", "Có", "Không", "TRUE", "unit", "unitName",
        "\0", "\u202E", "\uFFFD", "\uD83D\uDE00", "Mã đơn vị", "A.due", "B.B1", "code", "kind", "name", "parent", "peer_groups", "valid_from",
        "2025-07-01", "31/02/2025", "ha-noi", "vn", "provinces",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-", "0", "-0", "1e999999", "-1e999999", "79228162514264337593543950336",
        "0.0000000000000000000000000000001", "1E+400", "\"\\ud800\"", "\"\\u0000\"", "\"framework\"", "\"version\"", "\"period\"", "\"units\"",
        "\"values\"", "\"unit\"", "\"references\"", "\"bonus\"", "\"reviewerScores\"", "\"previous\"", "\"peerGroup\"", "\"input\"", "\"indicators\"",
        "\"formula\"", "\"inputs\"", "\"type\"", "\"count\"", "\"choice\"", "\"options\"", "\"min\"", "\"max\"", "/*", "*/", "//", "\uFEFF", "\"2026-03\"",
        "\"monthly-4585\"", "((((((((((", "))))))))))", "a + b * c", "max(", "if(",
    ];

    private static string RandomTokens(Random random, Format format, int count)
    {
        var tokens = format == Format.Json ? JsonTokens : CsvTokens;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(random.Next(5) == 0 ? RandomText(random, random.Next(1, 20)) : tokens[random.Next(tokens.Length)]);
        return text.ToString();
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => "àáạảãâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ"[random.Next(42)],
                2 => (char)random.Next(0, 0x20),
                _ => (char)random.Next(0x80, 0xFFFF),
            };
        return new string(chars);
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Bit flips, truncation, byte insertion and deletion, a chunk repeated.</summary>
    public static (byte[] Bytes, string Step) ByteMutation(byte[] bytes, Random random)
    {
        if (bytes.Length == 0) return (RandomBytes(random, random.Next(1, 64)), "random bytes into empty");
        var at = random.Next(bytes.Length);
        switch (random.Next(7))
        {
            case 0:
            {
                var copy = (byte[])bytes.Clone();
                var flips = random.Next(1, 16);
                for (var i = 0; i < flips; i++) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return (copy, $"{flips} bit flips");
            }
            case 1:
                return (bytes[..at], $"truncated at {at}");
            case 2:
            {
                var insert = RandomBytes(random, random.Next(1, 256));
                return ([.. bytes[..at], .. insert, .. bytes[at..]], $"{insert.Length} bytes inserted at {at}");
            }
            case 3:
            {
                var length = random.Next(1, Math.Min(4096, bytes.Length - at) + 1);
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"{length} bytes deleted at {at}");
            }
            case 4:
            {
                var length = random.Next(1, Math.Min(4096, bytes.Length - at) + 1);
                var chunk = bytes[at..(at + length)];
                var to = random.Next(bytes.Length);
                return ([.. bytes[..to], .. chunk, .. chunk, .. bytes[to..]], $"{length} bytes at {at} doubled into {to}");
            }
            case 5:
            {
                var copy = (byte[])bytes.Clone();
                byte[] interesting = [0x00, 0xFF, 0x7F, 0x80, 0x22, 0x2C, 0x3B, 0x0A, 0x0D, 0x3C, 0x3E, 0xC3, 0xED, 0xEF];
                var count = random.Next(1, 16);
                for (var i = 0; i < count; i++) copy[random.Next(copy.Length)] = interesting[random.Next(interesting.Length)];
                return (copy, $"{count} interesting bytes set");
            }
            default:
            {
                var copy = (byte[])bytes.Clone();
                var length = Math.Min(random.Next(1, 512), copy.Length - at);
                random.NextBytes(copy.AsSpan(at, length));
                return (copy, $"{length} random bytes over {at}");
            }
        }
    }

    private static readonly string[] JsonValues =
    [
        "5", "-1", "0", "1e400", "-1e400", "79228162514264337593543950336", "0.00000000000000000000000000001", "\"x\"", "\"A.due\"", "\"\"",
        "[]", "[1]", "[\"A.due\"]", "[\"A.due\", 1, 2]", "{}", "{\"op\":\"sum\"}", "{\"op\":\"sum\",\"of\":[]}", "{\"isTrue\":\"A.due\"}", "null", "true", "false",
        "[[[[[[[[[[1]]]]]]]]]]", "\"2026-13\"", "\"9999-99\"", "-0", "1.5",
    ];

    /// <summary>Structure-aware: one value of the document replaced by another kind, removed, repeated, or its property renamed.</summary>
    public static (byte[] Bytes, string Step) JsonMutation(byte[] bytes, Random random)
    {
        try
        {
            return JsonNodeMutation(bytes, random);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON the node model can walk (invalid UTF-8 in a string, duplicate keys): mutate its bytes instead.
            return ByteMutation(bytes, random);
        }
    }

    private static (byte[] Bytes, string Step) JsonNodeMutation(byte[] bytes, Random random)
    {
        System.Text.Json.Nodes.JsonNode? root;
        try
        {
            root = System.Text.Json.Nodes.JsonNode.Parse(bytes, documentOptions: new System.Text.Json.JsonDocumentOptions
            {
                AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            });
        }
        catch (System.Text.Json.JsonException)
        {
            return ByteMutation(bytes, random);
        }
        var nodes = new List<System.Text.Json.Nodes.JsonNode>();
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is null) return;
            if (node.Parent is not null) nodes.Add(node);
            if (node is System.Text.Json.Nodes.JsonObject o) foreach (var (_, v) in o.ToList()) Walk(v);
            else if (node is System.Text.Json.Nodes.JsonArray a) foreach (var v in a.ToList()) Walk(v);
        }
        Walk(root);
        if (nodes.Count == 0) return ByteMutation(bytes, random);
        var target = nodes[random.Next(nodes.Count)];
        var where = target.GetPath();
        var parent = target.Parent!;
        string step;
        switch (random.Next(4))
        {
            case 0 when parent is System.Text.Json.Nodes.JsonObject o:
                o.Remove(target.GetPropertyName());
                step = $"{where} removed";
                break;
            case 1 when parent is System.Text.Json.Nodes.JsonArray a:
                a.Insert(target.GetElementIndex(), target.DeepClone());
                step = $"{where} repeated";
                break;
            case 2 when parent is System.Text.Json.Nodes.JsonObject o:
            {
                var names = o.Select(p => p.Key).ToList();
                var name = target.GetPropertyName();
                var other = names[random.Next(names.Count)];
                o.Remove(name);
                o[other + (random.Next(2) == 0 ? "" : "x")] = target;
                step = $"{where} renamed";
                break;
            }
            default:
            {
                var value = JsonValues[random.Next(JsonValues.Length)];
                var replacement = System.Text.Json.Nodes.JsonNode.Parse(value);
                if (parent is System.Text.Json.Nodes.JsonObject o) o[target.GetPropertyName()] = replacement;
                else ((System.Text.Json.Nodes.JsonArray)parent)[target.GetElementIndex()] = replacement;
                step = $"{where} = {value}";
                break;
            }
        }
        return (Encoding.UTF8.GetBytes(root!.ToJsonString()), step);
    }

    /// <summary>Text-level: encodings and BOMs, separators and quotes, huge cells, formulas, duplicated lines, deep nesting, huge numbers.</summary>
    public static (byte[] Bytes, string Step) TextMutation(byte[] bytes, Random random, Format format, int maxBytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n');
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        switch (random.Next(12))
        {
            case 0:
                return random.Next(4) switch
                {
                    0 => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "UTF-16 LE with BOM"),
                    1 => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "UTF-16 BE with BOM"),
                    2 => (Encoding.Unicode.GetBytes(text), "UTF-16 LE without BOM"),
                    _ => ([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], "UTF-32 with BOM"),
                };
            case 1:
                return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. bytes], "two UTF-8 BOMs");
            case 2:
                return (Encoding.Latin1.GetBytes(text), "Latin-1 (invalid UTF-8 for Vietnamese letters)");
            case 3:
            {
                var (from, to) = random.Next(4) switch { 0 => (',', ';'), 1 => (';', ','), 2 => (',', '\t'), _ => ('\n', '\r') };
                return (Encoding.UTF8.GetBytes(text.Replace(from, to)), $"'{Escape(from)}' → '{Escape(to)}'");
            }
            case 4:
            {
                var size = random.Next(3) == 0 ? random.Next(100_000, Math.Max(100_001, maxBytes / 2)) : random.Next(1000, 100_000);
                var cell = new string((char)random.Next('0', 'z'), size);
                return (Encoding.UTF8.GetBytes(text.Insert(at, cell)), $"huge cell of {size} characters at {at}");
            }
            case 5:
            {
                var token = (format == Format.Json ? JsonTokens : CsvTokens)[random.Next(format == Format.Json ? JsonTokens.Length : CsvTokens.Length)];
                return (Encoding.UTF8.GetBytes(text.Insert(at, token)), $"'{Escape(token)}' inserted at {at}");
            }
            case 6:
            {
                var line = lines[random.Next(lines.Length)];
                var times = Math.Min(random.Next(2, random.Next(3) == 0 ? 20_000 : 50), maxBytes / (line.Length + 1) + 1);
                var repeated = string.Join('\n', Enumerable.Repeat(line, times));
                var result = repeated.Length > maxBytes ? repeated[..maxBytes] : repeated;
                return (Encoding.UTF8.GetBytes(text + "\n" + result), $"a line repeated {times} times");
            }
            case 7:
            {
                var quote = random.Next(3) switch { 0 => "\"", 1 => "\"\"\"", _ => "\"a\"b\"" };
                return (Encoding.UTF8.GetBytes(text.Insert(at, quote)), $"quote '{quote}' at {at}");
            }
            case 8 when format == Format.Json:
            {
                var depth = random.Next(3) == 0 ? random.Next(10_000, 500_000) : random.Next(60, 2000);
                var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
                var deep = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, random.Next(2) == 0 ? depth : 0));
                return (Encoding.UTF8.GetBytes(text.Insert(at, deep)), $"nesting {depth} deep at {at}");
            }
            case 8:
            {
                var formula = random.Next(3) switch { 0 => "=1+1", 1 => "=cmd|' /C calc'!A0", _ => "@SUM(1)" };
                return (Encoding.UTF8.GetBytes(text.Insert(at, formula)), $"formula '{formula}' at {at}");
            }
            case 9:
            {
                // A number replaced by a huge, tiny or odd one.
                var number = random.Next(6) switch
                {
                    0 => "1" + new string('0', random.Next(30, 5000)),
                    1 => "0." + new string('0', random.Next(30, 5000)) + "1",
                    2 => "1e" + random.Next(300, 100000),
                    3 => "-79228162514264337593543950336",
                    4 => "9" + new string('9', random.Next(28, 40)) + ".5",
                    _ => "-0.0000",
                };
                var digit = text.IndexOfAny("0123456789".ToCharArray(), at);
                return digit < 0
                    ? (Encoding.UTF8.GetBytes(text + number), $"number {Head(number)} appended")
                    : (Encoding.UTF8.GetBytes(text[..digit] + number + text[(digit + 1)..]), $"number {Head(number)} at {digit}");
            }
            case 10:
            {
                // A line duplicated (duplicate unit, duplicate key, duplicate property).
                var i = random.Next(lines.Length);
                var copy = lines.ToList();
                copy.Insert(i, lines[i]);
                return (Encoding.UTF8.GetBytes(string.Join('\n', copy)), $"line {i + 1} duplicated");
            }
            default:
            {
                // Invalid UTF-8 in the middle of the text.
                byte[] bad = random.Next(4) switch { 0 => [0xC3, 0x28], 1 => [0xED, 0xA0, 0x80], 2 => [0xFF, 0xFE], _ => [0xF4, 0x90, 0x80, 0x80] };
                var byteAt = random.Next(bytes.Length + 1);
                return ([.. bytes[..byteAt], .. bad, .. bytes[byteAt..]], $"invalid UTF-8 at byte {byteAt}");
            }
        }
    }

    /// <summary>
    /// Zip-level (xlsx, docx): an entry's content mutated (as bytes or as XML text), replaced, dropped, renamed, duplicated,
    /// or inflated far beyond its compressed size; then the package written again.
    /// </summary>
    public static (byte[] Bytes, string Step) ZipMutation(byte[] bytes, Random random, int maxBytes)
    {
        List<(string Name, byte[] Content)> entries;
        try
        {
            entries = ReadEntries(bytes);
        }
        catch (InvalidDataException)
        {
            return ByteMutation(bytes, random);
        }
        if (entries.Count == 0) return ByteMutation(bytes, random);
        var i = random.Next(entries.Count);
        var (name, content) = entries[i];
        string step;
        switch (random.Next(9))
        {
            case 0:
                entries.RemoveAt(i);
                step = $"entry {name} dropped";
                break;
            case 1:
                entries[i] = (name, RandomBytes(random, random.Next(0, 4096)));
                step = $"entry {name} replaced by random bytes";
                break;
            case 2:
                entries[i] = (name, ByteMutation(content, random).Bytes);
                step = $"entry {name} bytes mutated";
                break;
            case 3:
            case 4:
            {
                var (xml, what) = XmlMutation(Encoding.UTF8.GetString(content), random);
                entries[i] = (name, Encoding.UTF8.GetBytes(xml));
                step = $"entry {name}: {what}";
                break;
            }
            case 5:
                entries[i] = (name.Replace("sheet1", "sheet9", StringComparison.Ordinal).Replace("xl/", "xx/", StringComparison.Ordinal), content);
                step = $"entry {name} renamed";
                break;
            case 6:
                entries.Add((name, content));
                step = $"entry {name} twice";
                break;
            case 7:
            {
                // Many cells: a sheet of tens of thousands of rows (compresses well; the row limit must hold).
                var rows = random.Next(1000, 60_000);
                entries[i] = (name, Encoding.UTF8.GetBytes(ManyRows(rows)));
                step = $"entry {name} replaced by a sheet of {rows} rows";
                break;
            }
            default:
            {
                // Inflates to far more than it weighs.
                var size = random.Next(8, 64) * 1024 * 1024;
                return (WriteEntries(entries, (name, size)), $"entry {name} inflating to {size / 1024 / 1024} MB");
            }
        }
        return (WriteEntries(entries, null), step);
    }

    private static (string Xml, string What) XmlMutation(string xml, Random random)
    {
        var at = xml.Length == 0 ? 0 : random.Next(xml.Length);
        string[] pieces =
        [
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
            "<row r=\"4294967295\"><c r=\"XFD4294967295\"><v>1</v></c></row>", "<row r=\"0\"><c r=\"A0\"><v>1</v></c></row>",
            "<c r=\"AAAAAAAAAAAAAAAAAAAAA1\" t=\"s\"><v>99999999999</v></c>", "<c t=\"s\"><v>-1</v></c>", "<c t=\"b\"><v>2</v></c>",
            "<c t=\"e\"><v>#DIV/0!</v></c>", "<c t=\"str\"><f>1+1</f><v>2</v></c>", "<c><v>1e308</v></c>", "<c><v>NaN</v></c>",
            "<c><v>-79228162514264337593543950336</v></c>", "<c t=\"inlineStr\"><is><t>unit</t></is></c>", "<c t=\"d\"><v>2025-01-01</v></c>",
            "<sheet name=\"\" sheetId=\"1\"/>", "<sheet name=\"Sai tên\" sheetId=\"1\" r:id=\"rId99\"/>", "<sheet sheetId=\"1\"/>",
            "&#0;", "&#xD800;", "&undefined;", "<![CDATA[", "]]>", "<", ">", "</sheetData>", "<sheetData>",
        ];
        if (random.Next(4) == 0)
        {
            var depth = random.Next(1000, 100_000);
            return (xml.Insert(at, string.Concat(Enumerable.Repeat("<x>", depth))), $"XML nested {depth} deep at {at}");
        }
        var piece = pieces[random.Next(pieces.Length)];
        return (xml.Insert(at, piece), $"XML '{Head(piece)}' at {at}");
    }

    private static string ManyRows(int rows)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>");
        xml.Append("<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>unit</x:t></x:is></x:c></x:row>");
        for (var r = 3; r < rows + 3; r++)
            xml.Append("<x:row r=\"").Append(r).Append("\"><x:c r=\"A").Append(r).Append("\" t=\"inlineStr\"><x:is><x:t>u").Append(r).Append("</x:t></x:is></x:c><x:c r=\"C").Append(r).Append("\"><x:v>1</x:v></x:c></x:row>");
        return xml.Append("</x:sheetData></x:worksheet>").ToString();
    }

    public static List<(string Name, byte[] Content)> ReadEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var entry in archive.Entries)
        {
            if (entry.Length > 16 * 1024 * 1024) throw new InvalidDataException("too big to mutate");
            using var stream = entry.Open();
            using var content = new MemoryStream();
            stream.CopyTo(content);
            entries.Add((entry.FullName, content.ToArray()));
        }
        return entries;
    }

    /// <summary>A package of <paramref name="entries"/>; <paramref name="inflating"/> replaces that entry by zeros of the given size, compressed.</summary>
    public static byte[] WriteEntries(IEnumerable<(string Name, byte[] Content)> entries, (string Name, long Size)? inflating)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, inflating?.Name == name ? CompressionLevel.SmallestSize : CompressionLevel.Fastest);
                using var stream = entry.Open();
                if (inflating is { } bomb && bomb.Name == name) WriteBomb(stream, bomb.Size);
                else stream.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>An XML-looking start, then <paramref name="size"/> bytes of one repeated short element: compresses ~1000:1.</summary>
    public static void WriteBomb(Stream stream, long size)
    {
        var start = "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\">"u8;
        stream.Write(start);
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<x:c><x:v>1</x:v></x:c>", 4096)));
        for (long written = start.Length; written < size; written += chunk.Length) stream.Write(chunk);
    }

    /// <summary>The package with <paramref name="name"/>'s uncompressed size declared as <paramref name="size"/> in its local and central headers.</summary>
    public static byte[] LieAboutSize(byte[] zip, string name, uint size)
    {
        var copy = (byte[])zip.Clone();
        var encoded = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            if (copy[i] != 0x50 || copy[i + 1] != 0x4B) continue;
            if (copy[i + 2] == 3 && copy[i + 3] == 4 && copy.AsSpan(i + 30).StartsWith(encoded))
                BitConverter.TryWriteBytes(copy.AsSpan(i + 22, 4), size);
            else if (copy[i + 2] == 1 && copy[i + 3] == 2 && copy.AsSpan(i + 46).StartsWith(encoded))
                BitConverter.TryWriteBytes(copy.AsSpan(i + 24, 4), size);
        }
        return copy;
    }

    private static string Head(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static string Escape(char c) => c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() };

    private static string Escape(string s) => Head(s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));
}
