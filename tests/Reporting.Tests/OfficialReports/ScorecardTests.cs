using System.Net;
using System.Net.Http.Json;
using Platform.Reporting.OfficialReports;
using Platform.Reporting.Tests.Documents;
using Platform.TestSupport;
using UglyToad.PdfPig;

namespace Platform.Reporting.Tests.OfficialReports;

public sealed class ScorecardTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string DakLak = "/api/reporting/scorecards/monthly-4585/2026-11/dak-lak";

    [Fact]
    public async Task A_province_reads_its_scorecard_with_named_groups_and_indicators_flags_in_vietnamese_and_what_to_improve()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "card-read");

        var card = (await host.Client(RankingWorld.DakLakReviewer).GetFromJsonAsync<Scorecard>(DakLak, Ct))!;

        Assert.Equal(("Tỉnh Đắk Lắk", "provinces", 2, true, 86m, "A", "Loại A (Xuất sắc)", 2, 4, 2m),
            (card.UnitName, card.PeerGroup, card.Revision, card.Reported, card.Total, card.Classification, card.ClassificationName, card.Rank, card.Ranked, card.Bonus));
        Assert.Equal((88m, 1), (card.PreviousTotal, card.PreviousRank));
        Assert.Equal(["A", "B", "C", "D", "E"], card.Groups.Select(g => g.Code));
        var a = card.Groups[0];
        Assert.Equal(("Kết quả thực hiện nhiệm vụ được giao", 18.5m, 20m), (a.Name, a.Score, a.Max));
        Assert.Equal(["A1", "A2", "A3"], a.Indicators.Select(i => i.Code));
        Assert.Equal(("Nhiệm vụ hoàn thành đúng hạn", 16m, 18m), (a.Indicators[0].Name, a.Indicators[0].Score, a.Indicators[0].Max));
        Assert.Equal(["Chưa báo cáo"], a.Indicators[2].FlagNames);
        Assert.Equal(["Mẫu số bằng 0"], card.Groups[3].Indicators.Single(i => i.Code == "D1").FlagNames);

        // Gaps: D1 10, B 8, A2 9 (not published: 0 of 9), C1 6, then C2/D2/E… — the five largest, largest first.
        Assert.Equal(5, card.Improvements.Count);
        Assert.Equal(card.Improvements.OrderByDescending(i => i.Gap).Select(i => i.Gap), card.Improvements.Select(i => i.Gap));
        var d1 = card.Improvements.First(i => i.Code == "D1");
        Assert.Equal(10m, d1.Gap);
        Assert.Contains("Mẫu số của tỷ lệ bằng 0", d1.Advice);
    }

    [Fact]
    public async Task A_scorecard_is_seen_within_the_callers_part_of_the_tree_only()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "card-scope");

        Assert.Equal(HttpStatusCode.OK, (await host.Client(RankingWorld.National).GetAsync(DakLak, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(RankingWorld.HueReporter).GetAsync(DakLak, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(RankingWorld.DakLakAgency).GetAsync(DakLak, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(RankingWorld.HueReporter).GetAsync($"{DakLak}/export?format=pdf", Ct)).StatusCode);

        var notReported = (await host.Client(RankingWorld.National).GetFromJsonAsync<Scorecard>("/api/reporting/scorecards/monthly-4585/2026-11/ca-mau", Ct))!;
        Assert.Equal((false, null, null, "Chưa báo cáo"), (notReported.Reported, notReported.Total, notReported.Rank, notReported.ClassificationName));

        var september = await host.Client(RankingWorld.National).GetAsync("/api/reporting/scorecards/monthly-4585/2026-09/dak-lak", Ct);
        Assert.Equal(HttpStatusCode.NotFound, september.StatusCode);
        Assert.Contains("Chưa có kết quả tháng 09/2026 được công bố cho Tỉnh Đắk Lắk.", await september.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_scorecard_exports_as_an_A4_portrait_PDF_and_a_workbook()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "card-file");
        var client = host.Client(RankingWorld.DakLakReviewer);

        var pdfResponse = await client.GetAsync($"{DakLak}/export?format=pdf", Ct);
        Assert.Equal("phieu-diem-dak-lak-2026-11-lan-2.pdf", pdfResponse.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(595, pdf.GetPage(1).Width, 0);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("PHIẾU KẾT QUẢ CHẤM ĐIỂM THÁNG 11/2026", text);
        Assert.Contains("Tỉnh Đắk Lắk", text);
        Assert.Contains("Tổng điểm 86 — Loại A (Xuất sắc) — hạng 2/4", text);
        Assert.Contains("Nhiệm vụ hoàn thành đúng hạn", text);
        Assert.Contains("Nội dung cần cải thiện", text);
        Assert.Contains($"Trang 1/{pdf.NumberOfPages}", text);

        var xlsx = await client.GetAsync($"{DakLak}/export?format=xlsx", Ct);
        using var book = WorkbookReader.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["Điểm", "Cần cải thiện"], book.SheetNames);
        // Issuer, title, 3 subtitles (unit, framework and month, result) + last month, blank, heading, header (9), first group (10).
        Assert.Equal("A", book.Text("Điểm", "A10"));
        Assert.Equal(18.5, book.Number("Điểm", "C10"));
        Assert.Equal(0.925, book.Number("Điểm", "E10"));
    }
}
