using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Inputs;

/// <summary>An input a unit of the peer group has no approved value for.</summary>
public sealed record MissingInput(string Unit, string InputKey);

/// <summary>What a run scores: the engine's request (units in code order, values, previous month, bonus) and what is missing.</summary>
public sealed record ScoringInputSet(ScoringRequest Request, IReadOnlyList<MissingInput> Missing);

/// <summary>
/// Builds the engine's request for one peer group, framework and period from the stored approved values: every unit
/// of the peer group that exists in the period (even one that reported nothing: it is scored 0 with the
/// <c>missing</c> flag and listed as missing), its values, the previous month's values (backlog carry-over, see
/// frameworks.md) and its approved bonus.
/// </summary>
public static class ScoringInputLoader
{
    public static async Task<ScoringInputSet> LoadAsync(MonthlyScoringDbContext db, string tenant, CompiledFramework framework,
        string period, string peerGroup, IReadOnlyDictionary<string, decimal>? bonuses, CancellationToken ct)
    {
        var firstDay = FirstDay(period);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Tenant == tenant && u.PeerGroups.Contains(peerGroup) && (u.ValidTo == null || u.ValidTo > firstDay))
            .Select(u => u.Code).ToListAsync(ct);
        units.Sort(StringComparer.Ordinal);

        var previous = firstDay.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // 41,000 units × 20 inputs × 2 months: the unit filter stays in the database (a correlated EXISTS, not an
        // array of every unit code), rows are streamed into per-unit dictionaries, and each distinct stored JSON text
        // is parsed once (values such as 0, 10 or true repeat across units).
        var rows = db.ApprovedValues.AsNoTracking()
            .Where(v => v.Tenant == tenant && v.FrameworkId == framework.Id && (v.Period == period || v.Period == previous)
                && db.Units.Any(u => u.Tenant == tenant && u.Code == v.Unit && u.PeerGroups.Contains(peerGroup) && (u.ValidTo == null || u.ValidTo > firstDay)))
            .Select(v => new { v.Period, v.Unit, v.InputKey, v.ValueJson })
            .AsAsyncEnumerable();
        var current = new Dictionary<string, SortedDictionary<string, object>>(units.Count, StringComparer.Ordinal);
        var before = new Dictionary<string, SortedDictionary<string, object>>(units.Count, StringComparer.Ordinal);
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (!framework.Slots.ContainsKey(row.InputKey)) continue;
            if (!parsed.TryGetValue(row.ValueJson, out var value)) parsed[row.ValueJson] = value = ReportedValue.FromJson(row.ValueJson);
            if (value is null) continue;
            var target = row.Period == period ? current : before;
            if (!target.TryGetValue(row.Unit, out var values)) target[row.Unit] = values = new SortedDictionary<string, object>(StringComparer.Ordinal);
            values[row.InputKey] = value;
        }

        var request = new List<UnitValues>(units.Count);
        var missing = new List<MissingInput>();
        foreach (var unit in units)
        {
            var values = current.GetValueOrDefault(unit) ?? new SortedDictionary<string, object>(StringComparer.Ordinal);
            var last = before.GetValueOrDefault(unit);
            missing.AddRange(framework.Inputs.Where(i => !values.ContainsKey(i.Key)).Select(i => new MissingInput(unit, i.Key)));
            request.Add(new UnitValues(unit, values, bonuses?.GetValueOrDefault(unit) ?? 0m, null, last));
        }
        return new ScoringInputSet(new ScoringRequest(period, peerGroup, request), missing);
    }


    private static DateOnly FirstDay(string period) =>
        Period.TryParse(period, out var p) && p.Month > 0
            ? new DateOnly(p.Year, p.Month, 1)
            : throw new ArgumentException($"'{period}' is not a month (YYYY-MM).", nameof(period));
}
