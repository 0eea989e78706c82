using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Obligations;
using Platform.Reporting.Documents;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Compliance;

/// <summary>
/// The compliance list of a scope as Excel, PDF or CSV: by default "who is late" (<c>status=overdue</c>), every line of
/// the scope in reading order, streamed from the database, with the totals and what it was built from.
/// </summary>
public static class ExportCompliance
{
    public static async Task<IResult> Handle(string framework, string period, string? format, string? unit, string? status,
        [AsParameters] ComplianceServices services, CancellationToken ct)
    {
        var (document, problem) = await BuildAsync(framework, period, format, unit, status, services, ct);
        return document is null ? problem! : ReportFiles.Render(format, document);
    }

    /// <summary>The document, or the problem that stops it (bad input 400, unknown framework or unit 404, no unit 403).</summary>
    public static async Task<(ReportDocument? Document, IResult? Problem)> BuildAsync(string framework, string period, string? format, string? unit,
        string? status, ComplianceServices services, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ComplianceInput.Period(errors, "period", period, required: true);
        ComplianceInput.Status(errors, status);
        ReportFiles.CheckFormat(errors, format);
        if (errors.Count > 0) return (null, ApiProblems.Invalid(errors));
        if (services.FrameworkName(framework, period) is not { } frameworkName) return (null, ReadCompliance.UnknownFramework(framework));
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return (null, problem);

        var filter = status ?? ComplianceStatuses.Overdue;
        var now = services.Time.GetUtcNow();
        var rows = ComplianceRows.Query(services.Db, services.Tenant, framework, [period], scope, now);
        var totals = await ComplianceFigures.TotalsAsync(rows, ct);
        var deadlines = await ComplianceFigures.DeadlinesAsync(services, framework, period, rows, ct);
        var version = await services.Db.Set<ObligationSet>().AsNoTracking()
            .Where(s => s.Tenant == services.Tenant && s.Framework == framework && s.Period == period)
            .OrderByDescending(s => s.AnnouncedAt).Select(s => s.FrameworkVersion).FirstOrDefaultAsync(ct) ?? "";
        var asOf = await services.AsOfAsync(ct);

        var document = new ReportDocument(
            FileName: $"{FilePrefix(filter)}-{framework}-{period}-{scope.Unit}",
            Issuer: scope.IsRoot ? services.Options.Value.Issuer : scope.UnitName.ToUpper(ReportText.Vietnamese),
            Title: ComplianceDocument.Title(filter),
            Subtitles:
            [
                frameworkName,
                $"Kỳ báo cáo: {ReportText.PeriodName(period)}",
                $"Phạm vi: {scope.UnitName}",
                .. ComplianceDocument.DeadlineLines(deadlines),
            ],
            Tables: [new ReportTable(ComplianceDocument.Title(filter), "Danh sách", ComplianceDocument.Columns,
                ComplianceDocument.Rows(rows.WithStatus(filter), now, ct))],
            Notes: [ComplianceDocument.TotalsLine(totals), $"Tình trạng tính đến {ReportText.Moment(now)} (giờ Việt Nam)."],
            Source: new BuiltFrom(services.Tenant, framework, frameworkName, version, period, null, null, asOf, now));
        return (document, null);
    }

    private static string FilePrefix(string status) => status switch
    {
        ComplianceStatuses.Overdue => "chua-bao-cao-bao-cao-muon",
        ComplianceStatuses.NotReported => "chua-bao-cao",
        ComplianceStatuses.Late => "bao-cao-muon",
        ComplianceStatuses.OnTime => "nop-dung-han",
        ComplianceStatuses.NotYetDue => "chua-den-han",
        _ => "tinh-hinh-nop-bao-cao",
    };
}
