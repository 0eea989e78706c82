using System.Security.Cryptography;
using System.Text;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Runs;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.DxIndex.Dti.Publication;

/// <summary>
/// What publishing a year would publish now: the index scored from the real approved values only (illustrative values
/// never enter an official run), the revision it would become and the current one it would replace. The preview shows
/// it; publishing builds it again under the publication lock and goes ahead only with the same <see cref="Fingerprint"/>.
/// </summary>
internal sealed class DtiPublicationDraft
{
    public required DtiComputed Computed { get; init; }
    public DtiRun? Current { get; init; }
    public required string Fingerprint { get; init; }
    public int Revision => (Current?.Revision ?? 0) + 1;
    public bool Unchanged => Current is not null && Current.ResultJson == Computed.ResultJson;

    /// <summary>Provinces with at least one input without an approved value (those that have not reported included).</summary>
    public IReadOnlyList<string> IncompleteUnits => [.. Computed.Missing.Where(m => m.Value.Count > 0).Select(m => m.Key)];

    /// <exception cref="ScoringInputException">The approved values do not pass the engine's checks.</exception>
    public static async Task<DtiPublicationDraft> BuildAsync(DxIndexDbContext db, string tenant, CompiledFramework framework, string year,
        IReadOnlyDictionary<string, decimal> references, CancellationToken ct)
    {
        var current = await DtiResults.CurrentAsync(db, tenant, year, ct);
        var computed = await DtiScoring.ComputeAsync(db, tenant, framework, year, includeDemo: false, references, ct);
        return new DtiPublicationDraft
        {
            Computed = computed, Current = current,
            Fingerprint = FingerprintOf((current?.Revision ?? 0) + 1, computed.InputJson, computed.ResultJson),
        };
    }

    public static string FingerprintOf(int revision, string inputJson, string resultJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"revision {revision}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(inputJson));
        hash.AppendData("\n"u8);
        hash.AppendData(Encoding.UTF8.GetBytes(resultJson));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Provinces whose standing (reported, total, rank) or any indicator (score, flags) differs between two results.</summary>
    public static string[] ChangedUnits(IReadOnlyList<DtiStanding> before, IReadOnlyList<DtiStanding> after)
    {
        var old = before.ToDictionary(s => s.Line.Unit, Key, StringComparer.Ordinal);
        var now = after.ToDictionary(s => s.Line.Unit, Key, StringComparer.Ordinal);
        return [.. old.Keys.Union(now.Keys)
            .Where(u => !old.TryGetValue(u, out var b) || !now.TryGetValue(u, out var a) || b != a)
            .Order(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<DtiStanding> StandingsOf(DtiRun run) => DtiStandings.Of(ResultLines.Read(run.ResultJson));

    private static string Key(DtiStanding s) => $"{s.Reported}|{s.Line.Total}|{s.Rank}|" + string.Join(";",
        s.Line.Indicators.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Score}/{string.Join(",", i.Value.Flags)}"));
}
