using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;

namespace Platform.Reporting.OfficialReports;

/// <summary>
/// The meeting document (seed 001: the Government Office reports the monthly results at the Government's meetings; class-A
/// units are proposed to the Prime Minister for commendation): the ranking with groups A–E, bonus, total, class and last
/// month; the class distribution; the class-A list; the correction's reason; the legal footer.
/// </summary>
public static class MeetingDocument
{
    public const string GroupsHeader = "Điểm theo nhóm chỉ số";
    public const string CommendationHeading = "Danh sách đề xuất Thủ tướng Chính phủ khen thưởng";

    /// <summary>Seed 001, section 4 ("Cơ chế tính điểm và công bố điểm").</summary>
    public const string CommendationBasis =
        "Theo Quyết định 4585/QĐ-BKHCN: đối với cơ quan được Loại A, kiến nghị Thủ tướng Chính phủ xem xét tuyên dương tại cuộc họp và khen thưởng phù hợp.";

    public static async Task<IResult> Get(string framework, string period, string peerGroup, string? format, string? revision, ReportingDbContext db,
        FrameworkCatalog catalog, IOptions<ReportingOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DashboardInput.Framework(framework, null, catalog, errors);
        ReportFiles.CheckFormat(errors, format);
        var (source, invalid, problem) = await RankingSources.FindAsync(db, options.Value.Tenant, user, framework, period, peerGroup, revision, errors, ct);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var document = await BuildAsync(db, catalog, options.Value, source!, time.GetUtcNow(), ct);
        return ReportFiles.Render(format, document);
    }

    public static async Task<ReportDocument> BuildAsync(ReportingDbContext db, FrameworkCatalog catalog, ReportingOptions options, RankingSource source,
        DateTimeOffset now, CancellationToken ct)
    {
        var p = source.Publication;
        var groups = PublishedFrameworks.Groups(catalog, p.Framework, p.FrameworkVersion, p.Period);
        var frameworkName = PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period);
        var whole = (catalog.Find(p.Framework, p.FrameworkVersion, p.Period)?.Definition.Precision ?? 0) == 0;
        var totalKind = whole ? CellKind.Count : CellKind.Decimal2;
        var previous = ReportText.PreviousMonth(p.Period);
        var previousName = previous is null ? "tháng trước" : ReportText.PeriodName(previous).ToLower(ReportText.Vietnamese);
        var classes = await RankingSources.ClassesAsync(db, source, ct);
        var counted = classes.Sum(c => c.Units);
        var previousPublishedAt = previous is null ? null : await db.Set<Publication>().AsNoTracking()
            .Where(x => x.Tenant == p.Tenant && x.Framework == p.Framework && x.PeerGroup == p.PeerGroup && x.Period == previous && x.IsCurrent)
            .Select(x => (DateTimeOffset?)x.PublishedAt).FirstOrDefaultAsync(ct);

        var columns = new List<ReportColumn> { new("Hạng", CellKind.Count, 6), new("Đơn vị", CellKind.Text, 30) };
        columns.AddRange(groups.Select(g => new ReportColumn(g.Max is { } max ? $"{g.Code} ({ReportText.Number(max, 0)})" : g.Code,
            CellKind.Decimal2, 8, GroupsHeader)));
        columns.AddRange([
            new("Điểm thưởng", CellKind.Decimal2, 8), new("Tổng điểm", totalKind, 8), new("Xếp loại", CellKind.Text, 13),
            new($"Hạng {previousName}", CellKind.Count, 8), new($"Tổng điểm {previousName}", totalKind, 9),
            new("Thay đổi hạng", CellKind.Count, 8), new("Thay đổi tổng điểm", CellKind.Change2, 9),
        ]);

        async IAsyncEnumerable<IReadOnlyList<object?>> Ranking()
        {
            await foreach (var r in RankingSources.Rows(db, source).AsAsyncEnumerable().WithCancellation(ct))
            {
                var scores = r.Reported ? PublishedFrameworks.Scores(r.Groups) : new Dictionary<string, decimal>();
                var row = new List<object?> { r.Reported ? r.Rank : null, r.UnitName ?? r.Unit };
                row.AddRange(groups.Select(g => scores.TryGetValue(g.Code, out var v) ? (object?)v : null));
                row.AddRange([r.Reported ? r.Bonus : null, r.Reported ? r.Total : null, ReportText.ClassificationName(r.Reported ? r.Classification : null),
                    r.PreviousRank, r.PreviousTotal, RankingSources.RankChange(r), RankingSources.TotalChange(r)]);
                yield return row;
            }
        }

        async IAsyncEnumerable<IReadOnlyList<object?>> Distribution()
        {
            await Task.CompletedTask;
            foreach (var c in classes) yield return [c.Name, c.Units, counted == 0 ? null : (decimal)c.Units / counted];
            yield return ["Tổng số", counted, counted == 0 ? null : 1m];
        }

        async IAsyncEnumerable<IReadOnlyList<object?>> Commendation()
        {
            var n = 0;
            await foreach (var r in RankingSources.Rows(db, source, "A").AsAsyncEnumerable().WithCancellation(ct))
                yield return [++n, r.UnitName ?? r.Unit, r.Total, r.Rank];
        }

        var peerGroupName = ReportText.PeerGroupName(p.PeerGroup);
        var notes = new List<string>
        {
            "Xếp loại: Loại A (Xuất sắc) từ 85 đến 100 điểm; Loại B (Tốt) từ 70 đến dưới 85 điểm; Loại C (Khá) từ 50 đến dưới 70 điểm; Loại D dưới 50 điểm.",
            $"Thay đổi hạng: số dương là tăng hạng so với {previousName}. Đơn vị chưa báo cáo không được chấm điểm, không xếp hạng, không xếp loại.",
            CommendationBasis,
        };
        if (p.Revision > 1)
            notes.Add($"Đính chính (lần công bố thứ {p.Revision}, thay lần {p.Supersedes ?? p.Revision - 1}): {p.Reason ?? "không ghi lý do"}.");

        var monthUpper = ReportText.PeriodName(p.Period).ToUpper(ReportText.Vietnamese);
        return new ReportDocument(
            $"xep-hang-{p.PeerGroup}-{p.Period}-lan-{p.Revision}",
            options.Issuer,
            $"KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI {monthUpper}",
            [frameworkName, $"Nhóm: {peerGroupName}",
             $"Lần công bố {p.Revision}, ngày {ReportText.Moment(p.PublishedAt)}" + (p.Revision > 1 ? " (đính chính)" : "")],
            [
                new ReportTable($"Bảng 1. Kết quả chấm điểm, xếp hạng {ReportText.PeriodName(p.Period).ToLower(ReportText.Vietnamese)}", "Xếp hạng", columns, Ranking()),
                new ReportTable("Bảng 2. Phân bố xếp loại", "Phân loại",
                    [new("Xếp loại", CellKind.Text, 22), new("Số đơn vị", CellKind.Count, 10), new("Tỷ lệ", CellKind.Percent1, 10)], Distribution()),
                new ReportTable($"Bảng 3. {CommendationHeading} (đơn vị xếp Loại A)", "Đề xuất khen thưởng",
                    [new("STT", CellKind.Count, 6), new("Đơn vị", CellKind.Text, 40), new("Tổng điểm", totalKind, 10), new("Hạng", CellKind.Count, 8)],
                    Commendation()),
            ],
            notes,
            new BuiltFrom(p.Tenant, p.Framework, frameworkName, p.FrameworkVersion, p.Period, p.Revision, p.PublishedAt,
                previousPublishedAt is { } before && before > p.PublishedAt ? before : p.PublishedAt, now));
    }
}
