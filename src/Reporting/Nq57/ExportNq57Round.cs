using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Compliance;
using Platform.Reporting.Documents;
using Platform.Reporting.Shared;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Nq57;

/// <summary>
/// The NQ57 round summary as Excel, PDF or CSV: the table per province, then the communes that have not reported or
/// reported late (streamed from the database).
/// </summary>
public static class ExportNq57Round
{
    public const string Title = "TỔNG HỢP TÌNH HÌNH TỰ ĐÁNH GIÁ, CHẤM ĐIỂM THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW";

    public static readonly IReadOnlyList<ReportColumn> ProvinceColumns =
    [
        new("STT", CellKind.Count, 6),
        new("Tỉnh, thành phố", CellKind.Text, 34),
        new("Số xã, phường", CellKind.Count, 12),
        new("Đã tự đánh giá", CellKind.Count, 12, "Tình hình nộp"),
        new("Đã duyệt", CellKind.Count, 12, "Tình hình nộp"),
        new("Bị trả lại", CellKind.Count, 12, "Tình hình nộp"),
        new("Chưa báo cáo", CellKind.Count, 12, "Tình hình nộp"),
        new("Nộp muộn", CellKind.Count, 12, "Tình hình nộp"),
    ];

    public static async Task<IResult> Handle(string round, string? format, string? unit, [AsParameters] ComplianceServices services,
        IOptions<Nq57Options> options, CancellationToken ct)
    {
        var (document, problem) = await BuildAsync(round, format, unit, services, options, ct);
        return document is null ? problem! : ReportFiles.Render(format, document);
    }

    /// <summary>The document, or the problem that stops it (bad input 400, unknown unit 404, no unit 403).</summary>
    public static async Task<(ReportDocument? Document, IResult? Problem)> BuildAsync(string round, string? format, string? unit,
        ComplianceServices services, IOptions<Nq57Options> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Nq57Round.IsRound(round)) errors["round"] = ReadNq57Round.InvalidRound(round).ProblemDetails.Errors["round"];
        ReportFiles.CheckFormat(errors, format);
        if (errors.Count > 0) return (null, ApiProblems.Invalid(errors));
        var framework = options.Value.Nq57Framework;
        if (services.FrameworkName(framework, round) is not { } frameworkName) return (null, ReadCompliance.UnknownFramework(framework));
        var (scope, problem) = await ReportingScope.ResolveAsync(services.Db, services.Tenant, services.User, unit, ct);
        if (scope is null) return (null, problem);

        var now = services.Time.GetUtcNow();
        var rows = Nq57Round.Rows(services, options, round, scope);
        var provinces = await Nq57Round.ProvincesAsync(rows, ct);
        var totals = Nq57Round.Totals(provinces);
        var dueAt = await Nq57Round.DueAtAsync(rows, ct);
        var version = await rows.Select(r => r.FrameworkVersion).FirstOrDefaultAsync(ct) ?? "";
        var overdue = rows.WithStatus(ComplianceStatuses.Overdue);

        var document = new ReportDocument(
            FileName: $"nq57-{round}-{scope.Unit}",
            Issuer: scope.IsRoot ? services.Options.Value.Issuer : scope.UnitName.ToUpper(ReportText.Vietnamese),
            Title: Title,
            Subtitles:
            [
                frameworkName,
                $"Đợt đánh giá: {ReportText.PeriodName(round)}",
                $"Phạm vi: {scope.UnitName}",
                .. dueAt is { } at ? [$"Hạn báo cáo: {ReportText.Moment(at)}"] : Array.Empty<string>(),
            ],
            Tables:
            [
                new ReportTable("Tổng hợp theo tỉnh, thành phố", "Theo tỉnh", ProvinceColumns, ProvinceRows(provinces, totals)),
                new ReportTable("Danh sách xã, phường chưa báo cáo, báo cáo muộn", "Chưa báo cáo, muộn", ComplianceDocument.Columns,
                    ComplianceDocument.Rows(overdue, now, ct)),
            ],
            Notes:
            [
                $"Tổng số xã, phường phải tự đánh giá: {ReportText.Number(totals.Communes, 0)}; đã tự đánh giá: {ReportText.Number(totals.SelfAssessed, 0)}; "
                + $"đã duyệt: {ReportText.Number(totals.Approved, 0)}; chưa báo cáo: {ReportText.Number(totals.NotReported, 0)}.",
                "Điểm và kết quả đánh giá chính thức do cấp có thẩm quyền quyết định; bảng này chỉ tổng hợp tình hình nộp.",
            ],
            Source: new BuiltFrom(services.Tenant, framework, frameworkName, version, round, null, null, await services.AsOfAsync(ct), now));
        return (document, null);
    }

    public static async IAsyncEnumerable<IReadOnlyList<object?>> ProvinceRows(IReadOnlyList<Nq57ProvinceRow> provinces, Nq57Totals totals)
    {
        await Task.CompletedTask;
        var number = 0;
        foreach (var p in provinces)
            yield return [++number, p.UnitName, p.Communes, p.SelfAssessed, p.Approved, p.Returned, p.NotReported, p.Late];
        yield return [null, "Tổng cộng", totals.Communes, totals.SelfAssessed, totals.Approved, totals.Returned, totals.NotReported, totals.Late];
    }
}
