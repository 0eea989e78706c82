using System.Text;
using Platform.Reporting.Documents;

namespace Platform.Reporting.Tests.Documents;

public sealed class CsvReportTests
{
    [Fact]
    public async Task The_first_table_is_written_as_UTF8_with_BOM_RFC4180_and_invariant_numbers()
    {
        using var stream = new MemoryStream();
        var document = SampleDocuments.Ranking(3) with
        {
            Tables = [SampleDocuments.Ranking(3).Tables[0] with { Rows = SampleDocuments.Static([[1, "Tỉnh \"Đắk Lắk\", Việt Nam", 20.25m, 18.5m, 30m, 1234.5m, -0.5m, 0.875m, SampleDocuments.PublishedAt]]) }],
        };
        await CsvReport.WriteAsync(document, stream, TestContext.Current.CancellationToken);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Hạng,Đơn vị,Điểm theo nhóm chỉ số - Nhóm A,Điểm theo nhóm chỉ số - Nhóm B,Điểm theo nhóm chỉ số - Nhóm C,Tổng điểm,Thay đổi,Tỷ lệ đúng hạn,Nộp lúc", lines[0]);
        Assert.Equal("1,\"Tỉnh \"\"Đắk Lắk\"\", Việt Nam\",20.25,18.5,30,1234.5,-0.5,0.875,2026-12-15 10:00", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Fields_are_quoted_only_when_RFC4180_needs_it(string value, string expected) =>
        Assert.Equal(expected, CsvReport.Field(value));
}
