using Platform.DataAndMessaging.Obligations;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;

namespace Platform.Notifications.Obligations;

/// <summary>One report still owed: no submission handed in, or the latest one returned.</summary>
public sealed record OutstandingReport(string OverseeingUnit, string ReportingUnit, string TargetUnit, string[] InputKeys, string State);

/// <summary>What one unit still owes, with names for people to read.</summary>
public sealed record OwingUnit(string Unit, string UnitName, string OverseeingUnit, IReadOnlyList<MissingReport> Reports);

/// <param name="InputCount">How many inputs the report carries.</param>
/// <param name="State"><see cref="OutstandingStates"/>.</param>
/// <param name="StateName">"chưa bắt đầu" or "bị trả lại".</param>
public sealed record MissingReport(string TargetUnit, string TargetName, IReadOnlyList<string> InputKeys, int InputCount, string State, string StateName);

public static class OutstandingStates
{
    public const string NotStarted = "not-started";
    public const string Returned = "returned";

    public static string Name(string state) => state == Returned ? "bị trả lại" : "chưa bắt đầu";
}

/// <summary>
/// "Who still owes for (framework, period, level)": the announced reports (<see cref="OwedReport"/>) without a submission
/// handed in (<see cref="SubmissionProgress"/> submitted or approved). A report whose only submissions were returned owes
/// again; a submission recorded before the announcement counts all the same.
/// </summary>
public static class OutstandingReports
{
    public static Task<List<OutstandingReport>> ListAsync(DbContext db, string tenant, string framework, string period, string level,
        string? overseeingUnit, CancellationToken ct) =>
        db.Database.SqlQuery<OutstandingReport>($"""
            SELECT r.overseeing_unit AS "OverseeingUnit", r.reporting_unit AS "ReportingUnit", r.target_unit AS "TargetUnit",
                   r.input_keys AS "InputKeys",
                   CASE WHEN EXISTS (SELECT 1 FROM submission_progress s
                                     WHERE s.tenant = r.tenant AND s.framework = r.framework AND s.period = r.period
                                       AND s.reporting_unit = r.reporting_unit AND s.target_unit = r.target_unit AND s.state = 'returned')
                        THEN 'returned' ELSE 'not-started' END AS "State"
            FROM owed_reports r
            WHERE r.tenant = {tenant} AND r.framework = {framework} AND r.period = {period} AND r.level = {level}
              AND ({overseeingUnit}::text IS NULL OR r.overseeing_unit = {overseeingUnit})
              AND NOT EXISTS (SELECT 1 FROM submission_progress s
                              WHERE s.tenant = r.tenant AND s.framework = r.framework AND s.period = r.period
                                AND s.reporting_unit = r.reporting_unit AND s.target_unit = r.target_unit
                                AND s.state IN ('submitted', 'approved'))
            ORDER BY r.reporting_unit, r.target_unit
            """).ToListAsync(ct);

    /// <summary>The same, one entry per owing unit, with unit names (a unit without a known name shows its code).</summary>
    public static async Task<List<OwingUnit>> ByUnitAsync(DbContext db, string tenant, string framework, string period, string level,
        string? overseeingUnit, CancellationToken ct)
    {
        var rows = await ListAsync(db, tenant, framework, period, level, overseeingUnit, ct);
        var codes = rows.SelectMany(r => new[] { r.ReportingUnit, r.TargetUnit }).Distinct().ToList();
        var names = await db.UnitNamesAsync(tenant, codes, ct);
        string Name(string code) => names.GetValueOrDefault(code, code);
        return rows.GroupBy(r => (r.ReportingUnit, r.OverseeingUnit))
            .Select(g => new OwingUnit(g.Key.ReportingUnit, Name(g.Key.ReportingUnit), g.Key.OverseeingUnit,
                g.Select(r => new MissingReport(r.TargetUnit, Name(r.TargetUnit), r.InputKeys, r.InputKeys.Length, r.State,
                    OutstandingStates.Name(r.State))).ToList()))
            .OrderBy(u => u.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
    }
}
