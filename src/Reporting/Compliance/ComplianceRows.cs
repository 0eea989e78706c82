using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.Reporting.Shared;

namespace Platform.Reporting.Compliance;

/// <summary>
/// The owed reports of a scope with their status, set-based in SQL: <c>owed_reports</c> ⨝ <c>obligation_sets</c> (the
/// latest announced set: a report dropped by a later revision is no longer there) ⟕ the submission that counts in
/// <c>submission_progress</c> (whenever it arrived, even before the announcement) ⟕ <c>units</c> for names. Lines of a
/// scope are the reports whose reporting unit is in the scope's subtree; the national root's scope is not filtered.
/// Indexes used: the primary keys of <c>owed_reports</c> (tenant, framework, period, …), <c>obligation_sets</c> and
/// <c>units</c>, and <c>ix_submission_progress_report</c> (tenant, framework, period, reporting unit, target unit).
/// </summary>
public static class ComplianceRows
{
    // Status (plan): handed in = the submission's latest state is submitted or approved; late = the first hand-in's
    // flag, else the first hand-in against the deadline, else the latest approval's flag. Of several submissions of the
    // same report, one handed in counts before a returned one, then the latest.
    private const string Select = """
        SELECT o.period AS "Period",
               o.reporting_unit AS "ReportingUnit", COALESCE(ru.name, o.reporting_unit) AS "ReportingUnitName",
               o.target_unit AS "TargetUnit", COALESCE(tu.name, o.target_unit) AS "TargetUnitName",
               o.overseeing_unit AS "OverseeingUnit", COALESCE(ou.name, o.overseeing_unit) AS "OverseeingUnitName",
               lower(translate(COALESCE(ru.name, o.reporting_unit) || ' | ' || COALESCE(tu.name, o.target_unit), {0}, {1})) AS "SearchName",
               o.level AS "Level", o.role AS "Role", s.framework_version AS "FrameworkVersion", s.due_at AS "DueAt",
               CASE WHEN p.state IN ('submitted', 'approved') THEN
                        CASE WHEN COALESCE(p.first_submitted_late, p.first_submitted_at >= s.due_at, p.approved_late, FALSE)
                             THEN 'late' ELSE 'on-time' END
                    WHEN s.due_at <= {2} THEN 'not-reported'
                    ELSE 'not-yet-due' END AS "Status",
               p.state AS "ReviewState",
               COALESCE(p.first_submitted_at, p.approved_at) AS "SubmittedAt"
        FROM owed_reports o
        JOIN obligation_sets s ON s.tenant = o.tenant AND s.framework = o.framework AND s.period = o.period
                              AND s.level = o.level AND s.overseeing_unit = o.overseeing_unit
        LEFT JOIN LATERAL (
            SELECT sp.state, sp.first_submitted_at, sp.first_submitted_late, sp.approved_at, sp.approved_late
            FROM submission_progress sp
            WHERE sp.tenant = o.tenant AND sp.framework = o.framework AND sp.period = o.period
              AND sp.reporting_unit = o.reporting_unit AND sp.target_unit = o.target_unit
            ORDER BY (sp.state <> 'returned') DESC, sp.occurred_at DESC
            LIMIT 1) p ON TRUE
        LEFT JOIN units ru ON ru.tenant = o.tenant AND ru.code = o.reporting_unit
        LEFT JOIN units tu ON tu.tenant = o.tenant AND tu.code = o.target_unit
        LEFT JOIN units ou ON ou.tenant = o.tenant AND ou.code = o.overseeing_unit
        WHERE o.tenant = {3} AND o.framework = {4} AND o.period = ANY({5})
        """;

    private const string InSubtree = """
          AND o.reporting_unit IN (
              WITH RECURSIVE tree(code) AS (
                  SELECT u.code FROM units u WHERE u.tenant = {3} AND u.code = {6}
                  UNION
                  SELECT c.code FROM units c JOIN tree ON c.parent_code = tree.code WHERE c.tenant = {3})
              SELECT code FROM tree)
        """;

    /// <summary>The owed reports of <paramref name="periods"/> within <paramref name="scope"/>, each with its status at <paramref name="now"/>.</summary>
    public static IQueryable<ComplianceRow> Query(ReportingDbContext db, string tenant, string framework, IReadOnlyCollection<string> periods,
        ReportScope scope, DateTimeOffset now)
    {
        var sql = scope.IsRoot ? Select : Select + InSubtree;
        return db.Database.SqlQuery<ComplianceRow>(FormattableStringFactory.Create(sql,
            NameSearch.From, NameSearch.To, now.ToUniversalTime(), tenant, framework, periods.ToArray(), scope.Unit));
    }

    /// <summary>Rows matching a <see cref="ComplianceStatuses.Filters"/> value (null or <c>all</c>: every row).</summary>
    public static IQueryable<ComplianceRow> WithStatus(this IQueryable<ComplianceRow> rows, string? status) => status switch
    {
        null or ComplianceStatuses.All => rows,
        ComplianceStatuses.Overdue => rows.Where(r => r.Status == ComplianceStatuses.NotReported || r.Status == ComplianceStatuses.Late),
        _ => rows.Where(r => r.Status == status),
    };

    /// <summary>Overdue first, then by reporting unit name in Vietnamese order, then target unit and level.</summary>
    public static IOrderedQueryable<ComplianceRow> InReadingOrder(this IQueryable<ComplianceRow> rows) =>
        rows.OrderBy(r => r.Status == ComplianceStatuses.NotReported || r.Status == ComplianceStatuses.Late ? 0 : 1)
            .ThenBy(r => EF.Functions.Collate(r.ReportingUnitName, VietnameseCollation))
            .ThenBy(r => EF.Functions.Collate(r.TargetUnitName, VietnameseCollation))
            .ThenBy(r => r.Level).ThenBy(r => r.ReportingUnit).ThenBy(r => r.TargetUnit);

    /// <summary>PostgreSQL's ICU collation for Vietnamese (created by initdb wherever PostgreSQL is built with ICU).</summary>
    public const string VietnameseCollation = "vi-VN-x-icu";
}
