using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Reporting.Shared;
using Platform.Scoring;

namespace Platform.Reporting.OfficialReports;

/// <summary>A unit's scorecard as a file (A4 portrait): groups with their indicators and flags, then what to improve first.</summary>
public static class ScorecardDocument
{
    public static async Task<IResult> Get(string framework, string period, string unit, string? format, string? revision, ReportingDbContext db,
        FrameworkCatalog catalog, IOptions<ReportingOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ReportFiles.CheckFormat(errors, format);
        var (card, invalid, problem) = await ScorecardQuery.FindAsync(framework, period, unit, revision, db, catalog, options.Value.Tenant, user, errors, ct);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        return ReportFiles.Render(format, Build(card!, options.Value, time.GetUtcNow()));
    }

    public static ReportDocument Build(Scorecard card, ReportingOptions options, DateTimeOffset now)
    {
        var subtitles = new List<string>
        {
            card.UnitName,
            $"{card.FrameworkName} — {card.PeriodName}",
            card.Reported
                ? $"Tổng điểm {ReportText.Number(card.Total ?? 0, 0)} — {card.ClassificationName} — hạng {card.Rank}/{card.Ranked} trong nhóm {card.PeerGroupName}"
                : $"Chưa báo cáo — không được chấm điểm, xếp hạng, xếp loại (nhóm {card.PeerGroupName})",
        };
        if (card.PreviousTotal is { } before)
            subtitles.Add($"Tháng trước: {ReportText.Number(before, 0)} điểm" + (card.PreviousRank is { } rank ? $", hạng {rank}" : ""));

        async IAsyncEnumerable<IReadOnlyList<object?>> Scores()
        {
            await Task.CompletedTask;
            foreach (var g in card.Groups)
            {
                yield return [g.Code, g.Name, g.Score, g.Max, g.Max is > 0 ? g.Score / g.Max : null, ""];
                foreach (var i in g.Indicators)
                    yield return [i.Code, "   " + i.Name, i.Score, i.Max, i.Max > 0 ? i.Score / i.Max : null, string.Join("; ", i.FlagNames)];
            }
            if (card.Bonus != 0) yield return ["", "Điểm thưởng", card.Bonus, null, null, ""];
            yield return ["", "Tổng điểm", card.Total, 100m, card.Total is { } t ? t / 100m : null, card.ClassificationName];
        }

        async IAsyncEnumerable<IReadOnlyList<object?>> Improvements()
        {
            await Task.CompletedTask;
            var n = 0;
            foreach (var i in card.Improvements) yield return [++n, $"{i.Code}. {i.Name}", i.Score, i.Max, i.Gap, i.Advice];
        }

        return new ReportDocument(
            $"phieu-diem-{card.Unit}-{card.Period}-lan-{card.Revision}",
            options.Issuer,
            $"PHIẾU KẾT QUẢ CHẤM ĐIỂM {card.PeriodName.ToUpper(ReportText.Vietnamese)}",
            subtitles,
            [
                new ReportTable("Bảng 1. Điểm theo nhóm và chỉ tiêu", "Điểm", [
                    new("Mã", CellKind.Text, 6), new("Nhóm, chỉ tiêu", CellKind.Text, 42), new("Điểm", CellKind.Decimal2, 9),
                    new("Tối đa", CellKind.Decimal2, 9), new("Tỷ lệ đạt", CellKind.Percent1, 9), new("Ghi chú", CellKind.Text, 20),
                ], Scores()),
                new ReportTable("Bảng 2. Nội dung cần cải thiện (chênh lệch lớn nhất so với điểm tối đa)", "Cần cải thiện", [
                    new("STT", CellKind.Count, 5), new("Chỉ tiêu", CellKind.Text, 30), new("Điểm", CellKind.Decimal2, 8),
                    new("Tối đa", CellKind.Decimal2, 8), new("Còn thiếu", CellKind.Decimal2, 8), new("Gợi ý", CellKind.Text, 45),
                ], Improvements()),
            ],
            ["Ghi chú \"Chưa báo cáo\": chỉ tiêu chưa có số liệu được duyệt nên tính 0 điểm — khác với số liệu bằng 0."],
            new BuiltFrom(options.Tenant, card.Framework, card.FrameworkName, card.FrameworkVersion, card.Period, card.Revision, card.PublishedAt,
                card.PublishedAt, now),
            Landscape: false);
    }
}
