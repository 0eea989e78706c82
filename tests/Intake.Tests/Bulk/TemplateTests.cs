using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Bulk;

public sealed class TemplateTests(PlatformInfrastructure infrastructure)
{
    private static readonly string[] KhcnKeys =
        ["unit", "unitName", "A.due", "A.backlog", "A.onTime", "A.late", "D1.accepted", "D1.total", "E3.onTime", "E3.completion"];

    [Fact]
    public async Task The_xlsx_template_lays_out_the_owed_inputs_with_a_key_row_and_the_current_values()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "template");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        // Sở KHCN reports A, D1 and E3 for the province (seed 000); a draft already holds some of them.
        var draft = await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 10, ["E3.onTime"] = true, ["E3.completion"] = 0.9m }, targetUnit: "lao-cai");
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        var response = await reporter.GetAsync(BulkFiles.TemplatePath + "?format=xlsx", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mau-nhap-lieu_monthly-4585_2026-01_lao-cai.so-khcn.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        Assert.Equal(["Nhập liệu", "Hướng dẫn"], document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
        var cells = BulkFiles.Cells(document, "Nhập liệu");
        Assert.Equal(("Mã đơn vị", "Tên đơn vị"), (cells["A1"], cells["B1"]));
        Assert.Equal("Số nhiệm vụ đến hạn trong tháng (Hệ thống 57) (nhiệm vụ)", cells["C1"]);
        Assert.Equal("Tỷ lệ nội dung bắt buộc đã cập nhật (tỷ lệ 0–1)", cells["J1"]);
        Assert.Equal(KhcnKeys, KhcnKeys.Select((_, i) => cells[(char)('A' + i) + "2"]));
        // One row: the province, pre-filled; numbers are numeric cells, booleans Có/Không, empty inputs empty.
        Assert.Equal(("lao-cai", "Tỉnh Lào Cai", "10", "Có", "0.9"), (cells["A3"], cells["B3"], cells["C3"], cells["I3"], cells["J3"]));
        Assert.True(BulkFiles.IsNumeric(document, "C3"));
        Assert.False(cells.ContainsKey("D3"));
        Assert.False(cells.ContainsKey("A4"));
        var guide = string.Join("\n", BulkFiles.Cells(document, "Hướng dẫn").Values);
        Assert.Contains("00:00 ngày 03/02/2026 (giờ Việt Nam)", guide, StringComparison.Ordinal);
        Assert.Contains("0 đến 1", guide, StringComparison.Ordinal);
        Assert.Contains("Có hoặc Không", guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_template_has_the_same_layout_and_a_unit_without_assignments_reports_for_itself()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "templatecsv");
        // Sở Y tế has no assignment for the monthly framework: its own row with every input.
        using var health = host.Client(new Platform.TestSupport.Security.TestUser("bao-cao.so-yt.lao-cai", [Platform.ServiceDefaults.Security.PlatformRoles.Reporter], OrgUnit: "lao-cai.so-yt"));

        var response = await health.GetAsync(BulkFiles.TemplatePath + "?format=csv", TestContext.Current.CancellationToken);
        var bad = await health.GetAsync(BulkFiles.TemplatePath + "?format=pdf", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mau-nhap-lieu_monthly-4585_2026-01_lao-cai.so-yt.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Mã đơn vị,Tên đơn vị,", lines[0], StringComparison.Ordinal);
        Assert.Equal(22, lines[1].Split(',').Length);
        Assert.StartsWith("unit,unitName,A.due,A.backlog", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("lao-cai.so-yt,Sở Y tế", lines[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
