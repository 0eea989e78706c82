using System.Text;
using Platform.Reporting.Documents;
using UglyToad.PdfPig;

namespace Platform.Reporting.Tests.Documents;

public sealed class PdfReportTests
{
    private static async Task<byte[]> RenderAsync(ReportDocument document)
    {
        using var stream = new MemoryStream();
        await PdfReport.WriteAsync(document, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_text_holds_vietnamese_names_with_diacritics_and_vi_VN_numbers()
    {
        using var pdf = PdfDocument.Open(await RenderAsync(SampleDocuments.Ranking(10)));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("BỘ KHOA HỌC VÀ CÔNG NGHỆ", text);
        Assert.Contains("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHUYỂN ĐỔI SỐ THÁNG 11/2026", text);
        Assert.Contains("Tỉnh Thừa Thiên Huế", text);
        Assert.Contains("Bộ Khoa học và Công nghệ", text);
        Assert.Contains("Tỉnh Đắk Lắk", text);
        Assert.Contains("Điểm theo nhóm chỉ số", text);
        Assert.Contains("1.234,50", text);   // total
        Assert.Contains("−0,50", text);      // change
        Assert.Contains("87,5 %", text);     // percentage
        Assert.Contains("15/12/2026 10:00", text); // Vietnam time
    }

    [Fact]
    public async Task A_long_unit_name_is_wrapped_and_cut_to_two_lines()
    {
        using var pdf = PdfDocument.Open(await RenderAsync(SampleDocuments.Ranking(10)));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("Ủy ban nhân dân xã Ea Hồ", text);
        Assert.Contains("…", text);
        Assert.DoesNotContain("cho vừa ô", text);
    }

    [Fact]
    public async Task Every_page_repeats_the_header_and_carries_the_legal_footer_and_its_page_number()
    {
        using var pdf = PdfDocument.Open(await RenderAsync(SampleDocuments.Ranking(70)));
        Assert.Equal(3, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var text = page.Text;
            Assert.Contains($"Trang {page.Number}/3", text);
            Assert.Contains("Căn cứ: Bộ chỉ số đánh giá hằng tháng (QĐ 4585) (phiên bản 2026.1) · Kỳ: Tháng 11/2026 · Lần công bố 2, công bố lúc 15/12/2026 10:00", text);
            Assert.Contains("Số liệu đến 15/12/2026 09:59 · Lập lúc 16/12/2026 08:30 (giờ Việt Nam)", text);
        }
        Assert.Contains("Điểm theo nhóm chỉ số", pdf.GetPage(2).Text);
        Assert.Contains("Tổng điểm", pdf.GetPage(2).Text);
        Assert.Contains("Đơn vị số 70", pdf.GetPage(3).Text);
        Assert.Contains("Lý do đính chính: sửa điểm nhóm B của Tỉnh Đắk Lắk.", pdf.GetPage(3).Text);
        Assert.Contains("Loại A (Xuất sắc)", pdf.GetPage(3).Text);
    }

    [Fact]
    public async Task The_fonts_are_DejaVu_embedded_as_subsets_and_the_pages_are_A4()
    {
        var bytes = await RenderAsync(SampleDocuments.Ranking(10, landscape: false));
        using var pdf = PdfDocument.Open(bytes);
        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        // A subset's name is six capital letters and '+' before the font's name: the glyphs are in the file.
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans(,Bold)?$", f));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes));
        Assert.Equal(595, pdf.GetPage(1).Width, 0);  // A4 portrait, points
        Assert.Equal(842, pdf.GetPage(1).Height, 0);

        using var landscape = PdfDocument.Open(await RenderAsync(SampleDocuments.Ranking(10)));
        Assert.Equal(842, landscape.GetPage(1).Width, 0);
    }
}
