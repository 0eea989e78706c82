using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Io;

/// <summary>The framework and run named by a scoring-run input, with its request.</summary>
public sealed record ScoringRunInput(string Framework, string? Version, ScoringRequest Request);

/// <summary>
/// Reads and writes the portable scoring-run JSON (docs: scoring-io): the input document (<see cref="Read"/>,
/// <see cref="WriteInputToString"/>) and the output document (<see cref="Write"/>). Writing is deterministic: the same
/// request or result always gives the same bytes.
/// </summary>
public static class ScoringRunJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses the input; problems (wrong JSON types, missing fields) are returned, not thrown.</summary>
    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(string json)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            Encoding.UTF8.GetBytes(json, buffer);
            return ScoringRunReader.Read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Parses the input from its UTF-8 bytes in one forward pass (no document tree), with the same result and problems as
    /// <see cref="Read(string)"/> of the same text. A byte order mark is not skipped (as in a string, it is not JSON);
    /// bytes that are not UTF-8 read as their decoded text would (replaced).
    /// </summary>
    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(ReadOnlySpan<byte> utf8Json) =>
        ScoringRunReader.Read(utf8Json);

    /// <summary>Reads the stream to its end into a pooled buffer, then <see cref="Read(ReadOnlySpan{byte})"/>.</summary>
    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(Stream utf8Json)
    {
        using var bytes = PooledBytes.ReadToEnd(utf8Json);
        return ScoringRunReader.Read(bytes.Span);
    }

    /// <summary>Reads the stream to its end into a pooled buffer, then <see cref="Read(ReadOnlySpan{byte})"/>.</summary>
    public static async Task<(ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems)> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        using var bytes = await PooledBytes.ReadToEndAsync(utf8Json, cancellationToken);
        return ScoringRunReader.Read(bytes.Span);
    }

    /// <summary>
    /// Writes the engine's request as the scoring-run input document, exactly what <see cref="Read(string)"/> (and so
    /// <c>Scoring.Cli score --input</c>) reads back. The version is written out (not null) so that re-scoring the document
    /// later uses the same definition even after a newer version takes effect.
    /// </summary>
    public static string WriteInputToString(CompiledFramework framework, ScoringRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialBuffer(request.Units.Count, framework.Indicators.Count));
        WriteInput(framework, request, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><see cref="WriteInputToString"/>'s bytes (UTF-8, ending with a line feed) written to <paramref name="output"/> as they are made.</summary>
    public static void WriteInput(CompiledFramework framework, ScoringRequest request, Stream output)
    {
        using (var w = new Utf8JsonWriter(output, WriterOptions)) ScoringRunWriter.WriteInput(w, framework, request);
        output.Write("\n"u8);
    }

    /// <summary><see cref="WriteInputToString"/>'s bytes (UTF-8, ending with a line feed) written to <paramref name="output"/>.</summary>
    public static void WriteInput(CompiledFramework framework, ScoringRequest request, IBufferWriter<byte> output)
    {
        using (var w = new Utf8JsonWriter(output, WriterOptions)) ScoringRunWriter.WriteInput(w, framework, request);
        output.Write("\n"u8);
    }

    /// <summary>
    /// Writes a result as the scoring-run output JSON (UTF-8, ending with a line feed), handing the stream every 64 KiB
    /// as it is made rather than the whole document at the end.
    /// </summary>
    public static void Write(ScoringResult result, Stream output)
    {
        using (var w = new Utf8JsonWriter(output, WriterOptions)) ScoringRunWriter.Write(w, result);
        output.Write("\n"u8);
    }

    /// <summary><see cref="Write(ScoringResult, Stream)"/>'s bytes written to <paramref name="output"/>.</summary>
    public static void Write(ScoringResult result, IBufferWriter<byte> output)
    {
        using (var w = new Utf8JsonWriter(output, WriterOptions)) ScoringRunWriter.Write(w, result);
        output.Write("\n"u8);
    }

    /// <summary>The output document's UTF-8 bytes.</summary>
    public static byte[] WriteToUtf8Bytes(ScoringResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialBuffer(result.Results.Count, result.Framework.Indicators.Count));
        Write(result, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static string WriteToString(ScoringResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialBuffer(result.Results.Count, result.Framework.Indicators.Count));
        Write(result, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>About the size of a document (≈ 150 bytes an indicator), so the buffer is rarely copied to grow.</summary>
    private static int InitialBuffer(int units, int indicators) => (int)Math.Min(1L << 30, 256 + units * (200L + 150L * indicators));

    /// <summary>Indicator and group scores are shown with 2 decimals (half away from zero).</summary>
    internal static decimal Shown(decimal v) => Normalize(Math.Round(v, 2, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Drops trailing zeros so equal values always print the same way (80.50 → 80.5, 80.0 → 80): the value with the
    /// smallest scale, as formatting it with every decimal place and parsing it back gave.
    /// </summary>
    internal static decimal Normalize(decimal v)
    {
        if (v.Scale == 0) return decimal.IsNegative(v) && v == 0m ? 0m : v;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        var scale = v.Scale;
        var negative = decimal.IsNegative(v);
        var mantissa = new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (mantissa == 0) return 0m;
        if (mantissa <= ulong.MaxValue)
        {
            var small = (ulong)mantissa;
            while (scale > 0 && small % 10 == 0)
            {
                small /= 10;
                scale--;
            }
            return new decimal((int)(uint)small, (int)(uint)(small >> 32), 0, negative, scale);
        }
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, scale);
    }
}
