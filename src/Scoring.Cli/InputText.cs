using System.Text;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Scoring.Cli;

/// <summary>
/// The input's bytes read as the text the tool read before it parsed bytes (issue 18): a file as
/// <see cref="File.ReadAllText(string)"/> decodes it (a UTF-8 byte order mark dropped, a UTF-16 or UTF-32 one decoding the
/// rest), standard input as <see cref="Console.In"/> decodes it (UTF-8, a byte order mark kept as a character).
/// </summary>
internal static class InputText
{
    public static (ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) Read(byte[] bytes, bool fromFile)
    {
        ReadOnlySpan<byte> span = bytes;
        if (!fromFile) return ScoringRunJson.Read(span);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return ScoringRunJson.Read(span[3..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return ScoringRunJson.Read(reader.ReadToEnd());
        }
        return ScoringRunJson.Read(span);
    }
}
