using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Reporting.OfficialReports;
using Platform.Reporting.Tests.Documents;
using Platform.TestSupport;
using UglyToad.PdfPig;

namespace Platform.Reporting.Tests.OfficialReports;

public sealed class MeetingRankingTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string November = "/api/reporting/rankings/monthly-4585/2026-11/provinces";

    [Fact]
    public async Task The_list_shows_each_published_rankings_current_revision_newest_month_first()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-list");

        var list = (await host.Client(RankingWorld.HueReporter).GetFromJsonAsync<List<PublishedRankingInfo>>("/api/reporting/rankings", Ct))!;

        Assert.Equal([("2026-11", "ministries", 1), ("2026-11", "provinces", 2), ("2026-10", "provinces", 1)],
            list.Select(r => (r.Period, r.PeerGroup, r.Revision)));
        Assert.Equal(("Tháng 11/2026", "Tỉnh, thành phố trực thuộc Trung ương", 5, "09/12/2026 09:00"),
            (list[1].PeriodName, list[1].PeerGroupName, list[1].Units, list[1].PublishedAtVietnam));
    }

    [Fact]
    public async Task The_meeting_ranking_is_the_corrected_revision_with_groups_classes_and_the_change_since_last_month()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-rank");

        var ranking = (await host.Client(RankingWorld.HueReporter).GetFromJsonAsync<MeetingRanking>(November, Ct))!;

        Assert.Equal((2, true, RankingWorld.Reason, "2026-10", "Tháng 11/2026"),
            (ranking.Revision, ranking.Current, ranking.CorrectionReason, ranking.PreviousPeriod, ranking.PeriodName));
        Assert.Equal(["A", "B", "C", "D", "E"], ranking.Groups.Select(g => g.Code));
        Assert.Equal("Kết quả thực hiện nhiệm vụ được giao", ranking.Groups[0].Name);
        Assert.Equal([("A", 2), ("B", 1), ("C", 0), ("D", 1), ("none", 1)], ranking.Classes.Select(c => (c.Classification, c.Units)));
        Assert.Equal("Chưa báo cáo", ranking.Classes[4].Name);
        Assert.Equal(2, ranking.CommendationCount);
        Assert.Equal(5, ranking.Total);

        Assert.Equal(["Tỉnh Thừa Thiên Huế", "Tỉnh Đắk Lắk", "Thành phố Hà Nội", "Tỉnh Thanh Hóa", "Tỉnh Cà Mau"], ranking.Lines.Select(l => l.UnitName));
        var hue = ranking.Lines[0];
        // Huế: 2nd with 80 in October, 1st with 92 now: up one place, +12 points.
        Assert.Equal((1, 92m, "A", "Loại A (Xuất sắc)", 2, 80m, "B", 12m, 1), (hue.Rank, hue.Total, hue.Classification, hue.ClassificationName,
            hue.PreviousRank, hue.PreviousTotal, hue.PreviousClassification, hue.TotalChange, hue.RankChange));
        // Đắk Lắk, corrected to 86 with 2 bonus points: 1st with 88 in October, down one place, −2 points.
        var dakLak = ranking.Lines[1];
        Assert.Equal((2, 86m, 2m, 18.5m, -2m, -1), (dakLak.Rank, dakLak.Total, dakLak.Bonus, dakLak.Groups["A"], dakLak.TotalChange, dakLak.RankChange));
        // Thanh Hóa did not report in October: no change to show. Cà Mau has not reported: no rank, total or class.
        Assert.Equal((null, null, 4), (ranking.Lines[3].TotalChange, ranking.Lines[3].RankChange, ranking.Lines[3].Rank));
        var caMau = ranking.Lines[4];
        Assert.Equal((false, null, null, null, "Chưa báo cáo", 4), (caMau.Reported, caMau.Rank, caMau.Total, caMau.Classification, caMau.ClassificationName, caMau.PreviousRank));
        Assert.Empty(caMau.Groups);
    }

    [Fact]
    public async Task An_earlier_revision_a_class_and_a_page_can_be_asked_for()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-rev");
        var client = host.Client(RankingWorld.HueReporter);

        var first = (await client.GetFromJsonAsync<MeetingRanking>($"{November}?revision=1", Ct))!;
        Assert.Equal((1, false, null, 1), (first.Revision, first.Current, first.CorrectionReason, first.CommendationCount));
        Assert.Equal(82m, first.Lines.Single(l => l.Unit == "dak-lak").Total);

        var classA = (await client.GetFromJsonAsync<MeetingRanking>($"{November}?classification=A", Ct))!;
        Assert.Equal(["hue", "dak-lak"], classA.Lines.Select(l => l.Unit));
        Assert.Equal(2, classA.Total);

        var page2 = (await client.GetFromJsonAsync<MeetingRanking>($"{November}?page=2&pageSize=2", Ct))!;
        Assert.Equal((5, 2, 2), (page2.Total, page2.Page, page2.PageSize));
        Assert.Equal(["ha-noi", "thanh-hoa"], page2.Lines.Select(l => l.Unit));
    }

    [Fact]
    public async Task Bad_input_is_a_vietnamese_400_naming_every_field_and_an_unpublished_month_is_a_404()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-bad");
        var client = host.Client(RankingWorld.HueReporter);

        var bad = await client.GetAsync("/api/reporting/rankings/monthly-4585/2026-13/provinces?revision=x&classification=E&page=0&pageSize=5000", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["classification", "page", "pageSize", "period", "revision"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Kỳ (period) phải có dạng YYYY-MM, ví dụ 2026-11; nhận được \"2026-13\".", errors.GetProperty("period")[0].GetString());
        Assert.Equal("Số dòng mỗi trang (pageSize) phải là số nguyên từ 1 đến 1.000; nhận được \"5000\".", errors.GetProperty("pageSize")[0].GetString());

        var unknown = await client.GetAsync("/api/reporting/rankings/khong-co/2026-11/provinces", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không có bộ chỉ số \\\"khong-co\\\" (framework).", await unknown.Content.ReadAsStringAsync(Ct));

        var missing = await client.GetAsync("/api/reporting/rankings/monthly-4585/2026-09/provinces", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var notFound = JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Kết quả tháng 09/2026 của nhóm \"Tỉnh, thành phố trực thuộc Trung ương\" chưa được công bố.", notFound.RootElement.GetProperty("detail").GetString());

        var badFormat = await client.GetAsync($"{November}/export?format=docx&revision=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        using var formatProblem = JsonDocument.Parse(await badFormat.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["format", "revision"], formatProblem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(November, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_meeting_workbook_has_the_ranking_the_class_distribution_and_the_commendation_list()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-xlsx");

        var response = await host.Client(RankingWorld.HueReporter).GetAsync($"{November}/export?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("xep-hang-provinces-2026-11-lan-2.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("2", response.Headers.GetValues("Report-Revision").Single());
        Assert.Equal("2026-12-09T02:00:00Z", response.Headers.GetValues("Report-Published-At").Single());
        Assert.Equal("2026-12-10T03:00:00Z", response.Headers.GetValues("Report-Generated-At").Single());
        using var book = WorkbookReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["Xếp hạng", "Phân loại", "Đề xuất khen thưởng"], book.SheetNames);
        // Issuer, title, 3 subtitles, blank, heading, group header (8), column header (9), lines from 10.
        Assert.Equal("KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI THÁNG 11/2026", book.Text("Xếp hạng", "A2"));
        Assert.Equal("Điểm theo nhóm chỉ số", book.Text("Xếp hạng", "C8"));
        Assert.Contains("C8:G8", book.Merged("Xếp hạng"));
        Assert.Equal("A (20)", book.Text("Xếp hạng", "C9"));
        Assert.Equal("Hạng tháng 10/2026", book.Text("Xếp hạng", "K8"));
        Assert.Equal("Tỉnh Thừa Thiên Huế", book.Text("Xếp hạng", "B10"));
        Assert.Equal(92, book.Number("Xếp hạng", "I10"));
        Assert.Equal("#,##0", book.NumberFormat("Xếp hạng", "I10"));
        Assert.Equal("Loại A (Xuất sắc)", book.Text("Xếp hạng", "J10"));
        Assert.Equal(12, book.Number("Xếp hạng", "N10"));
        Assert.Equal("Tỉnh Cà Mau", book.Text("Xếp hạng", "B14"));
        Assert.Equal("Chưa báo cáo", book.Text("Xếp hạng", "J14"));
        Assert.Equal("'Xếp hạng'!$8:$9", book.DefinedName("_xlnm.Print_Titles", 0));

        Assert.Equal("Loại A (Xuất sắc)", book.Text("Phân loại", "A9"));
        Assert.Equal(2, book.Number("Phân loại", "B9"));
        Assert.Equal(0.4, book.Number("Phân loại", "C9"));   // 2 of 5
        Assert.Equal("0.0%", book.NumberFormat("Phân loại", "C9"));

        Assert.Equal("Bảng 3. Danh sách đề xuất Thủ tướng Chính phủ khen thưởng (đơn vị xếp Loại A)", book.Text("Đề xuất khen thưởng", "A7"));
        Assert.Equal((1.0, 92.0), (book.Number("Đề xuất khen thưởng", "A9"), book.Number("Đề xuất khen thưởng", "C9")));
        Assert.Equal(["Tỉnh Thừa Thiên Huế", "Tỉnh Đắk Lắk", ""], new[] { "B9", "B10", "B11" }.Select(c => book.Text("Đề xuất khen thưởng", c)));
        var footer = Enumerable.Range(11, 9).Select(r => book.Text("Đề xuất khen thưởng", $"A{r}")).ToList();
        Assert.Contains($"Đính chính (lần công bố thứ 2, thay lần 1): {RankingWorld.Reason}.", footer);
        Assert.Contains(MeetingDocument.CommendationBasis, footer);
    }

    [Fact]
    public async Task The_meeting_PDF_holds_the_vietnamese_names_the_commendation_list_and_the_legal_footer_on_every_page()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-pdf");

        var response = await host.Client(RankingWorld.HueReporter).GetAsync($"{November}/export?format=pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("BỘ KHOA HỌC VÀ CÔNG NGHỆ", text);
        Assert.Contains("Tỉnh Thừa Thiên Huế", text);
        Assert.Contains("Tỉnh Đắk Lắk", text);
        Assert.Contains("18,50", text);   // group A, vi-VN
        Assert.Contains("+12,00", text);  // Huế's change
        Assert.Contains("Danh sách đề xuất Thủ tướng Chính phủ khen thưởng", text);
        Assert.Contains(RankingWorld.Reason, text);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Trang {page.Number}/{pdf.NumberOfPages}", page.Text);
            Assert.Contains("Lần công bố 2, công bố lúc 09/12/2026 09:00", page.Text);
            Assert.Contains("Lập lúc 10/12/2026 10:00 (giờ Việt Nam)", page.Text);
        }
    }

    [Fact]
    public async Task The_csv_is_the_ranking_table_named_with_its_revision_and_time()
    {
        await using var host = await RankingWorld.StartAsync(infrastructure, "off-csv");

        var response = await host.Client(RankingWorld.HueReporter).GetAsync($"{November}/export?format=csv", Ct);

        Assert.Equal("xep-hang-provinces-2026-11-lan-2-lap-20261210-1000.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("Hạng,Đơn vị,Điểm theo nhóm chỉ số - A (20),", lines[0]);
        Assert.Equal("1,Tỉnh Thừa Thiên Huế,18.5,12,15,15,31.5,0,92,Loại A (Xuất sắc),2,80,1,12", lines[1]);
    }
}
