using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Inputs;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.DxIndex.Dti.Runs;

/// <summary>
/// A scored DTI year: the two scoring-io documents, what the engine made of them, the standings, the inputs without an
/// approved value per province, and the provinces whose values are illustrative ("dữ liệu minh họa").
/// </summary>
public sealed record DtiComputed(CompiledFramework Framework, ScoringRequest Request, ScoringResult Result, string InputJson, string ResultJson,
    IReadOnlyList<DtiStanding> Standings, IReadOnlyDictionary<string, IReadOnlyList<string>> Missing, IReadOnlySet<string> DemoUnits);

/// <summary>
/// Scores the DTI of a year for the peer group <c>provinces</c> from the stored approved values — every province of the
/// group that exists in the year (one that reported nothing is scored with every indicator flagged <c>missing</c>), the
/// latest approved value of each input, and the configured external references. As monthly scoring does, the result is
/// computed from the written input document read back the way <c>Scoring.Cli score</c> reads it, so a stored result is by
/// construction what the CLI prints for the stored input.
/// </summary>
public static class DtiScoring
{
    /// <summary>The version in force for <paramref name="year"/> (<c>YYYY</c>), or null for a malformed year or one before the framework.</summary>
    public static CompiledFramework? Framework(FrameworkCatalog frameworks, string? year) =>
        year is { Length: 4 } && Period.TryParse(year, out var p) && p.Month == 0 ? frameworks.Find(DtiOptions.FrameworkId, null, year) : null;

    /// <param name="includeDemo">Provisional answers include illustrative values; an official run never does.</param>
    /// <exception cref="ScoringInputException">The stored values do not pass the engine's checks.</exception>
    public static async Task<DtiComputed> ComputeAsync(DxIndexDbContext db, string tenant, CompiledFramework framework, string year,
        bool includeDemo, IReadOnlyDictionary<string, decimal>? references, CancellationToken ct)
    {
        var firstDay = new DateOnly(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), 1, 1);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Tenant == tenant && u.PeerGroups.Contains(DtiOptions.PeerGroup) && (u.ValidTo == null || u.ValidTo > firstDay))
            .Select(u => u.Code).ToListAsync(ct);
        units.Sort(StringComparer.Ordinal);
        var inGroup = units.ToHashSet(StringComparer.Ordinal);

        // Streamed; each distinct stored JSON text is parsed once (values such as true or 0 repeat across provinces).
        var rows = db.Set<DtiApprovedValue>().AsNoTracking()
            .Where(v => v.Tenant == tenant && v.FrameworkId == framework.Id && v.Year == year && (includeDemo || !v.Demo))
            .Select(v => new { v.Unit, v.InputKey, v.ValueJson, v.Demo })
            .AsAsyncEnumerable();
        var values = new Dictionary<string, SortedDictionary<string, object>>(StringComparer.Ordinal);
        var demo = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (!inGroup.Contains(row.Unit) || !framework.Slots.ContainsKey(row.InputKey)) continue;
            if (!parsed.TryGetValue(row.ValueJson, out var value)) parsed[row.ValueJson] = value = ReportedValue.FromJson(row.ValueJson);
            if (value is null) continue;
            if (!values.TryGetValue(row.Unit, out var unitValues)) values[row.Unit] = unitValues = new SortedDictionary<string, object>(StringComparer.Ordinal);
            unitValues[row.InputKey] = value;
            if (row.Demo) demo.Add(row.Unit);
        }

        var request = new ScoringRequest(year, DtiOptions.PeerGroup,
            [.. units.Select(u => new UnitValues(u, values.GetValueOrDefault(u) ?? new SortedDictionary<string, object>(StringComparer.Ordinal)))],
            references is { Count: > 0 } ? new SortedDictionary<string, decimal>(references.ToDictionary(), StringComparer.Ordinal) : null);
        return Score(framework, ScoringRunJson.WriteInputToString(framework, request), demo);
    }

    /// <summary>Scores a stored scoring-io input document under the version it names (an official run, re-read).</summary>
    /// <exception cref="ScoringInputException">The document is not a valid input.</exception>
    public static DtiComputed Score(FrameworkCatalog frameworks, string inputJson)
    {
        var (input, problems) = ScoringRunJson.Read(inputJson);
        if (input is null || problems.Count > 0) throw new ScoringInputException(problems);
        var framework = frameworks.Find(input.Framework, input.Version, input.Request.Period)
            ?? throw new ScoringInputException([new ScoringProblem(null, "framework", $"không có khung \"{input.Framework}\" phiên bản \"{input.Version}\"")]);
        return Score(framework, inputJson, new HashSet<string>());
    }

    private static DtiComputed Score(CompiledFramework framework, string inputJson, IReadOnlySet<string> demo)
    {
        var (input, problems) = ScoringRunJson.Read(inputJson);
        if (input is null || problems.Count > 0) throw new ScoringInputException(problems);
        var result = new Scorer(framework).Score(input.Request);
        var missing = input.Request.Units.ToDictionary(u => u.Unit,
            u => (IReadOnlyList<string>)[.. framework.Inputs.Where(i => !u.Values.ContainsKey(i.Key)).Select(i => i.Key)], StringComparer.Ordinal);
        return new DtiComputed(framework, input.Request, result, inputJson, ScoringRunJson.WriteToString(result),
            DtiStandings.Of(ResultLines.Of(result)), missing, demo);
    }
}
