using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Dti;

/// <summary>The annual DTI report as a file: ranking with the pillars, last year's rank and the change, the correction's reason, the legal footer.</summary>
public static class DtiExport
{
    public static async Task<IResult> Get(string year, string? format, string? revision, ReportingDbContext db, FrameworkCatalog catalog,
        IOptions<ReportingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (publication, problem) = await DtiReportQuery.FindAsync(db, options.Value.Tenant, year, revision, ct);
        if (problem is not null) return problem;
        if (publication is null) return ApiProblems.NotFound(DtiReportQuery.NotPublished(year, revision));
        return ReportFiles.Render(format, Build(db, catalog, options.Value, publication, time.GetUtcNow()));
    }

    public static ReportDocument Build(ReportingDbContext db, FrameworkCatalog catalog, ReportingOptions options, Publication p, DateTimeOffset now)
    {
        var pillars = PublishedFrameworks.Groups(catalog, p.Framework, p.FrameworkVersion, p.Period);
        var frameworkName = PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period);
        const string PillarGroup = "Điểm theo trụ cột";
        var columns = new List<ReportColumn> { new("Hạng", CellKind.Count, 7), new("Tỉnh, thành phố", CellKind.Text, 28) };
        columns.AddRange(pillars.Select(g => new ReportColumn($"{g.Code}. {g.Name}" + (g.Max is { } max ? $" ({ReportText.Number(max, 0)})" : ""),
            CellKind.Decimal2, 11, PillarGroup)));
        columns.AddRange([
            new("Tổng điểm (1.000)", CellKind.Decimal2, 11), new($"Hạng năm {Previous(p.Period)}", CellKind.Count, 9),
            new($"Tổng điểm năm {Previous(p.Period)}", CellKind.Decimal2, 11), new("Thay đổi hạng", CellKind.Count, 9),
            new("Thay đổi tổng điểm", CellKind.Change2, 11), new("Ghi chú", CellKind.Text, 14),
        ]);

        async IAsyncEnumerable<IReadOnlyList<object?>> Rows()
        {
            await foreach (var r in DtiReportQuery.Lines(db, p).AsNoTracking().AsAsyncEnumerable())
            {
                var scores = r.Reported ? PublishedFrameworks.Scores(r.Pillars) : new Dictionary<string, decimal>();
                var row = new List<object?> { r.Reported ? r.Rank : null, r.UnitName ?? r.Unit };
                row.AddRange(pillars.Select(g => scores.TryGetValue(g.Code, out var v) ? (object?)v : null));
                row.Add(r.Reported ? r.Total : null);
                row.Add(r.PreviousRank);
                row.Add(r.PreviousTotal);
                row.Add(r.Reported && r.Rank is { } rank && r.PreviousRank is { } before ? before - rank : null);
                row.Add(r.Reported && r.Total is { } total && r.PreviousTotal is { } last ? total - last : null);
                row.Add(r.Reported ? null : "Chưa báo cáo");
                yield return row;
            }
        }

        var notes = new List<string>();
        if (PublishedFrameworks.LegalBasis(catalog, p.Framework, p.FrameworkVersion, p.Period) is { } basis) notes.Add($"Căn cứ: {basis}.");
        notes.Add("Thay đổi hạng: số dương là tăng hạng so với năm trước.");
        if (p.Revision > 1)
            notes.Add($"Đính chính (lần công bố thứ {p.Revision}, thay lần {p.Supersedes ?? p.Revision - 1}): {p.Reason ?? "không ghi lý do"}.");

        return new ReportDocument(
            $"chi-so-chuyen-doi-so-cap-tinh-{p.Period}-lan-{p.Revision}",
            options.Issuer,
            $"BÁO CÁO CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM {p.Period}",
            [frameworkName, $"{ReportText.PeerGroupName(p.PeerGroup)} — lần công bố {p.Revision}, ngày {ReportText.Moment(p.PublishedAt)}"],
            [new ReportTable($"Xếp hạng chỉ số chuyển đổi số cấp tỉnh năm {p.Period}", $"DTI {p.Period}", columns, Rows())],
            notes,
            new BuiltFrom(p.Tenant, p.Framework, frameworkName, p.FrameworkVersion, p.Period, p.Revision, p.PublishedAt, p.PublishedAt, now));
    }

    private static string Previous(string year) => (int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
