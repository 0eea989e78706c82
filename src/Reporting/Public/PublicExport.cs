using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Public;

/// <summary>
/// A published revision as Excel or CSV for anyone: the results table, and in the notes every revision of the same
/// results with its time, reason and changed units (the history and the corrections).
/// </summary>
public static class PublicExport
{
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "csv"];

    public static async Task<IResult> Get(string framework, string period, string peerGroup, string? format, string? revision,
        ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(format) ? "xlsx" : format.Trim().ToLowerInvariant();
        if (!Formats.Contains(wanted))
            return ApiProblems.Invalid("format", $"Định dạng tệp (format) phải là xlsx hoặc csv; nhận được \"{format}\".");
        var tenant = options.Value.Tenant;
        var (publication, problem) = await PublicResultsQuery.FindAsync(db, tenant, framework, period, peerGroup, revision, ct);
        if (problem is not null) return problem;
        if (publication is null) return ApiProblems.NotFound(PublicResultsQuery.NotPublished);

        var history = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && p.Framework == framework && p.Period == period && p.PeerGroup == peerGroup)
            .OrderBy(p => p.Revision).ToListAsync(ct);
        var revisions = await PublicRevisions.DescribeAsync(db, catalog, tenant, history, ct);
        return ReportFiles.Render(wanted, Build(db, catalog, publication, revisions, time.GetUtcNow()));
    }

    public static ReportDocument Build(ReportingDbContext db, FrameworkCatalog catalog, Publication p, IReadOnlyList<PublicRevision> history, DateTimeOffset now)
    {
        var groups = PublishedFrameworks.Groups(catalog, p.Framework, p.FrameworkVersion, p.Period);
        var frameworkName = PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period);
        var monthly = p.Period.Length == 7;
        var columns = new List<ReportColumn> { new("Hạng", CellKind.Count, 7), new("Đơn vị", CellKind.Text, 34) };
        columns.AddRange(groups.Select(g => new ReportColumn(g.Max is { } max ? $"{g.Code} ({ReportText.Number(max, 0)})" : g.Code, CellKind.Decimal2, 9,
            monthly ? "Điểm theo nhóm chỉ số" : "Điểm theo trụ cột")));
        if (monthly) columns.Add(new("Điểm khuyến khích", CellKind.Decimal2, 10));
        columns.Add(new("Tổng điểm", CellKind.Decimal2, 10));
        if (monthly) columns.Add(new("Xếp loại", CellKind.Text, 16));

        async IAsyncEnumerable<IReadOnlyList<object?>> Rows()
        {
            await foreach (var r in PublicResultsQuery.Lines(db, p).AsNoTracking().AsAsyncEnumerable())
            {
                var scores = r.Reported ? PublishedFrameworks.Scores(r.Groups) : new Dictionary<string, decimal>();
                var row = new List<object?> { r.Reported ? r.Rank : null, r.UnitName ?? r.Unit };
                row.AddRange(groups.Select(g => scores.TryGetValue(g.Code, out var v) ? (object?)v : null));
                if (monthly) row.Add(r.Reported ? r.Bonus : null);
                row.Add(r.Reported ? r.Total : null);
                if (monthly) row.Add(ReportText.ClassificationName(r.Reported ? r.Classification : null));
                yield return row;
            }
        }

        var notes = new List<string>();
        foreach (var g in groups) notes.Add($"{g.Code}: {g.Name}.");
        notes.Add("Lịch sử công bố:");
        notes.AddRange(history.Select(Line));

        return new ReportDocument(
            $"ket-qua-{p.Framework}-{p.Period}-{p.PeerGroup}-lan-{p.Revision}",
            null,
            monthly ? $"KẾT QUẢ CHẤM ĐIỂM {ReportText.PeriodName(p.Period).ToUpper(ReportText.Vietnamese)}" : $"KẾT QUẢ {ReportText.PeriodName(p.Period).ToUpper(ReportText.Vietnamese)}",
            [frameworkName, ReportText.PeerGroupName(p.PeerGroup),
                $"Lần công bố {p.Revision}{(p.IsCurrent ? "" : " (đã được thay thế)")}, ngày {ReportText.Moment(p.PublishedAt)}"],
            [new ReportTable($"Kết quả {ReportText.PeriodName(p.Period).ToLower(ReportText.Vietnamese)}", "Kết quả", columns, Rows())],
            notes,
            new BuiltFrom(p.Tenant, p.Framework, frameworkName, p.FrameworkVersion, p.Period, p.Revision, p.PublishedAt, p.PublishedAt, now));
    }

    /// <summary>"Lần 2 (22/12/2026 09:00), đính chính lần 1: Sửa số liệu… Đơn vị thay đổi: Tỉnh Lào Cai."</summary>
    public static string Line(PublicRevision r) =>
        r.Revision == 1 && r.Supersedes is null
            ? $"Lần {r.Revision} ({r.PublishedAtVietnam}): công bố lần đầu."
            : $"Lần {r.Revision} ({r.PublishedAtVietnam}), đính chính lần {r.Supersedes ?? r.Revision - 1}: {r.Reason ?? "không ghi lý do"}."
              + (r.ChangedUnitNames.Count > 0 ? $" Đơn vị thay đổi: {string.Join(", ", r.ChangedUnitNames)}." : "");
}
