using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.MonthlyScoring.Tests;

/// <summary>
/// The loader as it was before issue 18 (entity queries, main at cd244d6), kept word for word as the reference the
/// plain-reader loader must match (<see cref="ScoringInputLoaderTests"/>).
/// </summary>
internal static class EntityQueryLoader
{
    public static async Task<ScoringInputSet> LoadAsync(MonthlyScoringDbContext db, string tenant, CompiledFramework framework,
        string period, string peerGroup, IReadOnlyDictionary<string, decimal>? bonuses, CancellationToken ct)
    {
        var firstDay = Period.TryParse(period, out var p) ? new DateOnly(p.Year, p.Month, 1) : throw new ArgumentException(period);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Tenant == tenant && u.PeerGroups.Contains(peerGroup) && (u.ValidTo == null || u.ValidTo > firstDay))
            .Select(u => u.Code).ToListAsync(ct);
        units.Sort(StringComparer.Ordinal);

        var previous = firstDay.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
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
}
