using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
        var current = new Dictionary<string, SortedDictionary<string, object>>(units.Count, StringComparer.Ordinal);
        var before = new Dictionary<string, SortedDictionary<string, object>>(units.Count, StringComparer.Ordinal);
        await ReadValuesAsync(db, tenant, framework, period, previous, peerGroup, firstDay, current, before, ct);

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


    /// <summary>
    /// 41,000 units × 20 inputs × 2 months in one plain reader over the database connection (no entity
    /// materialisation): the unit filter stays in the database (a correlated EXISTS, not an array of every unit
    /// code), rows go straight into per-unit dictionaries, each distinct stored JSON text is parsed once (values such
    /// as 0, 10 or true repeat across units), and the input keys, the framework's own strings, are not copied per row.
    /// </summary>
    private static async Task ReadValuesAsync(MonthlyScoringDbContext db, string tenant, CompiledFramework framework, string period,
        string previous, string peerGroup, DateOnly firstDay, Dictionary<string, SortedDictionary<string, object>> current,
        Dictionary<string, SortedDictionary<string, object>> before, CancellationToken ct)
    {
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
        var keys = framework.Slots.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT v.period = $3, v.unit, v.input_key, v.value
                FROM approved_values v
                WHERE v.tenant = $1 AND v.framework_id = $2 AND v.period IN ($3, $4)
                  AND EXISTS (SELECT 1 FROM units u WHERE u.tenant = $1 AND u.code = v.unit AND u.peer_groups @> ARRAY[$5]::text[]
                              AND (u.valid_to IS NULL OR u.valid_to > $6))
                """, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters =
                {
                    new() { Value = tenant }, new() { Value = framework.Id }, new() { Value = period }, new() { Value = previous },
                    new() { Value = peerGroup }, new() { Value = firstDay },
                },
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? unit = null;
            SortedDictionary<string, object>? currentValues = null, beforeValues = null;
            while (await reader.ReadAsync(ct))
            {
                if (!keys.TryGetValue(reader.GetString(2), out var key)) continue;
                var json = reader.GetString(3);
                if (!parsed.TryGetValue(json, out var value)) parsed[json] = value = ReportedValue.FromJson(json);
                if (value is null) continue;
                var row = reader.GetString(1);
                if (!string.Equals(row, unit, StringComparison.Ordinal))
                    (unit, currentValues, beforeValues) = (row, current.GetValueOrDefault(row), before.GetValueOrDefault(row));
                if (reader.GetBoolean(0))
                {
                    if (currentValues is null) current[row] = currentValues = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    currentValues[key] = value;
                }
                else
                {
                    if (beforeValues is null) before[row] = beforeValues = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    beforeValues[key] = value;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DateOnly FirstDay(string period) =>
        Period.TryParse(period, out var p) && p.Month > 0
            ? new DateOnly(p.Year, p.Month, 1)
            : throw new ArgumentException($"'{period}' is not a month (YYYY-MM).", nameof(period));
}
