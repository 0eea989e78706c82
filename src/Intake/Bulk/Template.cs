using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Intake.Bulk;

/// <summary>One row of a template: a target unit the caller's unit owes inputs for, its deadline and current values.</summary>
internal sealed record TemplateRow(string UnitCode, string UnitName, IReadOnlyList<string> InputKeys, DateTimeOffset DueAt,
    IReadOnlyDictionary<string, JsonElement> Values);

/// <summary>
/// The layout shared by the xlsx and csv templates and the import: a header row of Vietnamese labels, a row of keys
/// (<see cref="UnitKey"/>, <see cref="UnitNameKey"/>, then input keys) by which an upload is read, then one row per unit.
/// </summary>
internal static class Template
{
    public const string UnitKey = "unit";
    public const string UnitNameKey = "unitName";
    public const string Yes = "Có";
    public const string No = "Không";

    /// <summary>
    /// The targets the caller's unit owes inputs for, each with only the inputs it owes there (<see cref="ReportingRights.OwedAsync"/>,
    /// the rule the import, the web form and submitting obey): one row per target of its assignments in force for the
    /// framework; a unit without any assignment for it reports all its inputs for itself unless they are assigned to others. The period's agency-to-province
    /// schedule must exist.
    /// </summary>
    public static async Task<List<TemplateRow>> RowsAsync(IntakeDbContext db, string tenant, string callerUnit, CompiledFramework definition,
        string period, ReportingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var today = time.TodayInVietnam();
        var owed = await ReportingRights.OwedAsync(db, tenant, callerUnit, definition, time, ct);
        var targets = owed.Select(o => o.Target).ToList();
        var names = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, today).Where(u => targets.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var current = await db.Submissions.AsNoTracking()
            .Where(s => s.Tenant == tenant && s.FrameworkId == definition.Id && s.Period == period
                        && s.ReportingUnit == callerUnit && targets.Contains(s.TargetUnit))
            .ToDictionaryAsync(s => s.TargetUnit, s => s.Values, ct);

        var rows = new List<TemplateRow>();
        foreach (var o in owed)
        {
            var schedule = calendar.Find(definition.Id, period, o.Right.Level, tenant);
            // A framework without that level falls back to the agencies' deadline, which the caller has checked exists.
            if (!schedule.IsFound) schedule = calendar.Find(definition.Id, period, ReportingLevels.AgencyToProvince, tenant);
            rows.Add(new TemplateRow(o.Target, names.GetValueOrDefault(o.Target, o.Target), o.InputKeys, schedule.Schedule!.DueAt,
                current.GetValueOrDefault(o.Target) ?? new Dictionary<string, JsonElement>()));
        }
        return rows;
    }

    /// <summary>The input columns: every input some row owes, in definition order.</summary>
    public static List<InputDefinition> Columns(CompiledFramework definition, IReadOnlyList<TemplateRow> rows) =>
        definition.Inputs.Where(i => rows.Any(r => r.InputKeys.Contains(i.Key))).ToList();

    public static string HeaderOf(InputDefinition input) => input.Type switch
    {
        "fraction" => $"{input.Label} (tỷ lệ 0–1)",
        "boolean" => $"{input.Label} (Có/Không)",
        _ when input.Unit is { Length: > 0 } unit => $"{input.Label} ({unit})",
        _ => input.Label,
    };

    /// <summary>A stored value as a cell: a number, "Có"/"Không", or the option id of a choice.</summary>
    public static object? CellOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => Yes,
        JsonValueKind.False => No,
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    public static string TypeName(InputDefinition input) => input.Type switch
    {
        "count" => "Số nguyên không âm",
        "amount" => "Số không âm",
        "fraction" => "Tỷ lệ từ 0 đến 1",
        "score" => "Điểm",
        "boolean" => "Có/Không",
        "choice" => "Lựa chọn (ghi mã)",
        _ => "Số",
    };

    public static string Allowed(InputDefinition input) => input.Type switch
    {
        "boolean" => $"{Yes} hoặc {No}",
        "choice" => string.Join("; ", input.Options!.Select(o => $"{o.Key} = {o.Value}")),
        "fraction" => "0 đến 1 (ví dụ 0,9 là 90%)",
        _ => (input.Min, input.Max) switch
        {
            ({ } min, { } max) => $"{Vietnamese(min)} đến {Vietnamese(max)}",
            ({ } min, null) => $"từ {Vietnamese(min)} trở lên",
            (null, { } max) => $"không quá {Vietnamese(max)}",
            _ => input.Type is "count" or "amount" ? "từ 0 trở lên" : "",
        },
    };

    /// <summary>1234.5 → "1.234,5", as Vietnamese readers write numbers.</summary>
    public static string Vietnamese(decimal value) =>
        value.ToString("#,##0.##########", CultureInfo.InvariantCulture).Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
}
