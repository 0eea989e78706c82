using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Publication;

/// <summary>
/// What publishing a period and peer group would publish right now: the result scored from the approved values and
/// bonus decisions, the revision it would become, and the current official revision it would replace. The preview
/// shows it; publishing builds it again under the publication lock and goes ahead only when its
/// <see cref="Fingerprint"/> is the one the publisher confirmed.
/// </summary>
internal sealed class PublicationDraft
{
    public required ComputedRun Computed { get; init; }

    /// <summary>The current official revision (with its documents), null before the first publication.</summary>
    public ScoreRun? Current { get; init; }

    /// <summary>The standings of <see cref="Computed"/>, built from the engine's result (not read back from its document).</summary>
    public required IReadOnlyList<Standing> Standings { get; init; }

    /// <summary>SHA-256 (hex) of the revision number and both scoring-io documents: any change of value, bonus, unit or revision changes it.</summary>
    public required string Fingerprint { get; init; }

    public int Revision => (Current?.Revision ?? 0) + 1;

    /// <summary>A correction whose result is byte-identical to the current revision.</summary>
    public bool Unchanged => Current is not null && Current.ResultJson == Computed.ResultJson;

    /// <summary>Units with at least one input without an approved value (those that have not reported included).</summary>
    public IReadOnlyList<string> IncompleteUnits => (Computed.Missing ?? []).Select(m => m.Unit).Distinct(StringComparer.Ordinal).ToList();

    /// <exception cref="ScoringInputException">The approved values do not pass the engine's checks.</exception>
    public static async Task<PublicationDraft> BuildAsync(MonthlyScoringDbContext db, string tenant, CompiledFramework framework,
        string period, string peerGroup, CancellationToken ct)
    {
        var current = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == framework.Id && r.Period == period && r.PeerGroup == peerGroup && r.Kind == ScoreRunKinds.Official)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
        var computed = await RunScoring.ComputeAsync(db, tenant, framework, period, peerGroup, ct);
        var revision = (current?.Revision ?? 0) + 1;
        return new PublicationDraft
        {
            Computed = computed,
            Current = current,
            Standings = Runs.Standings.Of(ResultLines.Of(computed.Result)),
            Fingerprint = FingerprintOf(revision, computed.InputJson, computed.ResultJson),
        };
    }

    public static string FingerprintOf(int revision, string inputJson, string resultJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"revision {revision}\n"));
        AppendUtf8(hash, inputJson);
        hash.AppendData("\n"u8);
        AppendUtf8(hash, resultJson);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The text's UTF-8 bytes into the hash through one small buffer: a 64 MiB document is not copied whole.</summary>
    private static void AppendUtf8(IncrementalHash hash, string text)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Chunk));
        try
        {
            var rest = text.AsSpan();
            while (true)
            {
                var chars = rest[..Math.Min(Chunk, rest.Length)];
                encoder.Convert(chars, buffer, flush: chars.Length == rest.Length, out var used, out var written, out _);
                hash.AppendData(buffer.AsSpan(0, written));
                rest = rest[used..];
                if (rest.IsEmpty) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int Chunk = 32 * 1024;

    /// <summary>
    /// Units whose published standing differs between two results: reported or not, total, class, rank (among the
    /// reported units), or any indicator (score, flags); or that appear or disappear.
    /// </summary>
    public static string[] ChangedUnits(IReadOnlyList<Standing> before, IReadOnlyList<Standing> after)
    {
        var old = before.ToDictionary(s => s.Line.Unit, Key, StringComparer.Ordinal);
        var now = after.ToDictionary(s => s.Line.Unit, Key, StringComparer.Ordinal);
        return old.Keys.Union(now.Keys)
            .Where(u => !old.TryGetValue(u, out var b) || !now.TryGetValue(u, out var a) || b != a)
            .Order(StringComparer.Ordinal).ToArray();
    }

    private static string Key(Standing s) => $"{s.Reported}|{s.Line.Total}|{s.Line.Classification}|{s.Rank}|" + string.Join(";",
        s.Line.Indicators.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Score}/{string.Join(",", i.Value.Flags)}"));
}
