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
        var rows = await db.ApprovedValues.AsNoTracking()
            .Where(v => v.Tenant == tenant && v.FrameworkId == framework.Id && (v.Period == period || v.Period == previous) && units.Contains(v.Unit))
            .Select(v => new { v.Period, v.Unit, v.InputKey, v.ValueJson })
            .ToListAsync(ct);
        var byUnit = rows.ToLookup(r => (r.Unit, r.Period));

        var request = new List<UnitValues>(units.Count);
        var missing = new List<MissingInput>();
        foreach (var unit in units)
        {
            var values = Typed(byUnit[(unit, period)].Select(r => (r.InputKey, r.ValueJson)), framework);
            var before = Typed(byUnit[(unit, previous)].Select(r => (r.InputKey, r.ValueJson)), framework);
            missing.AddRange(framework.Inputs.Where(i => !values.ContainsKey(i.Key)).Select(i => new MissingInput(unit, i.Key)));
            request.Add(new UnitValues(unit, values, bonuses?.GetValueOrDefault(unit) ?? 0m, null, before.Count == 0 ? null : before));
        }
        return new ScoringInputSet(new ScoringRequest(period, peerGroup, request), missing);
    }

    /// <summary>Stored JSON → the engine's types (decimal, bool, string), keyed in ordinal order; keys the framework does not know are left out.</summary>
    private static SortedDictionary<string, object> Typed(IEnumerable<(string Key, string Json)> values, CompiledFramework framework)
    {
        var typed = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, json) in values)
        {
            if (!framework.Slots.ContainsKey(key)) continue;
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            object? value = element.ValueKind switch
            {
                JsonValueKind.Number => element.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => element.GetString()!,
                _ => null,
            };
            if (value is not null) typed[key] = value;
        }
        return typed;
    }

    private static DateOnly FirstDay(string period) =>
        Period.TryParse(period, out var p) && p.Month > 0
            ? new DateOnly(p.Year, p.Month, 1)
            : throw new ArgumentException($"'{period}' is not a month (YYYY-MM).", nameof(period));
}
