using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Bulk;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Bulk;

public sealed class ImportTests(PlatformInfrastructure infrastructure)
{
    private static readonly object?[] Header = ["Mã đơn vị", "Tên đơn vị", "Số nhiệm vụ đến hạn", "Số hoàn thành đúng hạn", "Tỷ lệ", "Cập nhật đúng hạn"];
    private static readonly object?[] Keys = ["unit", "unitName", "A.due", "A.onTime", "E3.completion", "E3.onTime"];

    [Fact]
    public async Task An_upload_with_bad_cells_lists_every_cell_in_Vietnamese_and_writes_nothing()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importbad");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        await (await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 7 }, targetUnit: "lao-cai")).ReadAsync();
        var before = await host.CountsAsync();

        var file = BulkFiles.Xlsx(
            [.. Header, "Công khai"],
            [.. Keys, "B.B1"],
            // Text in a number, and an input Sở KHCN is not assigned for the province (B is TT PVHCC's).
            ["lao-cai", "Tỉnh Lào Cai", "mười", 5, 0.5m, "Có", 10],
            // Its own department may report everything, but a fraction is at most 1.
            ["lao-cai.so-khcn", "Sở KHCN", 3, 1, 1.5m, "Không", null],
            ["khong-ton-tai", "", 1, null, null, null, null],
            // Another province's unit gets the same answer as a unit that does not exist.
            ["thanh-hoa", "", 1, null, null, null, null]);
        var response = await reporter.ImportAsync(file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Tệp nhập liệu có lỗi", problem.GetProperty("title").GetString());
        Assert.Contains("chưa có dữ liệu nào được ghi", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
        Assert.Equal(["row3.A.due", "row3.B.B1", "row4.E3.completion", "row5.A", "row6.A"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Dòng 3, cột C (A.due): Số nhiệm vụ đến hạn trong tháng (Hệ thống 57): phải là số (nhận được 'mười')", errors["row3.A.due"], StringComparison.Ordinal);
        Assert.Contains("không được giao cho đơn vị của bạn", errors["row3.B.B1"], StringComparison.Ordinal);
        Assert.StartsWith("Dòng 4, cột E (E3.completion): Tỷ lệ nội dung bắt buộc đã cập nhật: phải là tỷ lệ từ 0 đến 1", errors["row4.E3.completion"], StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy đơn vị 'khong-ton-tai'", errors["row5.A"], StringComparison.Ordinal);
        Assert.Equal(errors["row5.A"].Replace("5", "6", StringComparison.Ordinal).Replace("khong-ton-tai", "thanh-hoa", StringComparison.Ordinal), errors["row6.A"]);
        var cells = problem.GetProperty("cells").EnumerateArray().Select(c => (c.GetProperty("row").GetInt32(), c.GetProperty("column").GetString(), c.GetProperty("unitCode").GetString())).ToList();
        Assert.Equal([(3, "C", "lao-cai"), (3, "G", "lao-cai"), (4, "E", "lao-cai.so-khcn"), (5, "A", "khong-ton-tai"), (6, "A", "thanh-hoa")], cells.Order());
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Text_a_negative_a_ratio_above_one_and_a_broken_cross_field_rule_are_all_told_in_one_upload()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importonepass");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var before = await host.CountsAsync();

        var file = BulkFiles.Xlsx(
            ["Mã đơn vị", "Tên đơn vị", "Đến hạn", "Đúng hạn", "Quá hạn", "Nghiệm thu", "Tổng số", "Tỷ lệ"],
            ["unit", "unitName", "A.due", "A.onTime", "A.late", "D1.accepted", "D1.total", "E3.completion"],
            // Text in A.due (the task rule reads it: not judged), a negative A.late, 11 accepted > 10, a rate of 1.5.
            ["lao-cai", "Tỉnh Lào Cai", "mười", 3, -1, 11, 10, 1.5m],
            // Its own department: 6 + 0 done > 5 due + 0 backlog (not reported, so 0), beside a valid rate.
            ["lao-cai.so-khcn", "Sở KHCN", 5, 6, 0, null, null, 0.5m]);
        var response = await reporter.ImportAsync(file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => Assert.Single(p.Value.EnumerateArray()).GetString()!);
        Assert.Equal(["row3.A.due", "row3.A.late", "row3.D1.accepted", "row3.E3.completion", "row4.A.onTime"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Dòng 3, cột C (A.due): Số nhiệm vụ đến hạn trong tháng (Hệ thống 57): phải là số (nhận được 'mười').", errors["row3.A.due"]);
        Assert.Equal("Dòng 3, cột E (A.late): Số nhiệm vụ quá hạn đã hoàn thành trong tháng: phải là số nguyên không âm (nhận được -1).", errors["row3.A.late"]);
        Assert.Equal("Dòng 3, cột F (D1.accepted): “Số nhiệm vụ KHCN, ĐMST đã nghiệm thu từ đầu năm” không được vượt quá “Tổng số nhiệm vụ KHCN, ĐMST của năm”.",
            errors["row3.D1.accepted"]);
        Assert.Equal("Dòng 3, cột H (E3.completion): Tỷ lệ nội dung bắt buộc đã cập nhật: phải là tỷ lệ từ 0 đến 1 (nhận được 1,5).", errors["row3.E3.completion"]);
        Assert.StartsWith("Dòng 4, cột D (A.onTime): “Số nhiệm vụ hoàn thành đúng hạn trong tháng” cộng", errors["row4.A.onTime"], StringComparison.Ordinal);
        Assert.Equal(5, problem.GetProperty("cells").GetArrayLength());
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [InlineData("lao-cai.so-khcn")] // assigned A, D1 and E3 for the province (seed 000)
    [InlineData("lao-cai.so-yt")]   // no assignment for the framework: reports every input for itself
    public async Task Every_draft_an_upload_of_the_filled_template_makes_can_be_handed_in(string unit)
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importroundtrip");
        using var reporter = host.Client(new Platform.TestSupport.Security.TestUser($"bao-cao.{unit}", [Platform.ServiceDefaults.Security.PlatformRoles.Reporter], OrgUnit: unit));
        var ct = TestContext.Current.CancellationToken;
        var template = await reporter.GetAsync(BulkFiles.TemplatePath, ct);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await template.Content.ReadAsByteArrayAsync(ct)), false);
        var cells = BulkFiles.Cells(document, "Nhập liệu");
        var framework = ShippedFrameworks.Catalog.Find(SubmissionsHost.Framework, null, SubmissionsHost.Period)!;
        var keys = Enumerable.Range(0, 26).Select(c => cells.GetValueOrDefault($"{(char)('A' + c)}2")).TakeWhile(k => k is not null).Select(k => k!).ToList();
        var rows = Enumerable.Range(3, 20).Where(r => cells.ContainsKey($"A{r}")).ToList();

        // Every cell the template offers, filled with a value right for its input (1 of every count keeps the task rules).
        object?[][] filled = [keys.Cast<object?>().ToArray(), .. rows.Select(r => keys.Select((key, c) => c switch
        {
            0 => cells[$"A{r}"],
            1 => (object?)null,
            _ => framework.Slots[key].Input.Type switch { "boolean" => "Có", "fraction" => 0.5m, "choice" => framework.Slots[key].Input.Options!.Keys.First(), _ => 1m },
        }).ToArray())];
        var upload = await reporter.ImportAsync(BulkFiles.Xlsx(filled));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(rows.Count, (await upload.Content.ReadFromJsonAsync<ImportResult>(ct))!.Created);
        var drafts = (await reporter.GetFromJsonAsync<Paged<SubmissionView>>($"/api/intake/submissions?reportingUnit={unit}", SubmissionCalls.Json, ct))!.Items;
        Assert.Equal(rows.Count, drafts.Count);
        foreach (var draft in drafts)
            Assert.Equal(SubmissionStates.Submitted, (await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync()).State);
    }

    [Fact]
    public async Task A_valid_xlsx_saves_drafts_with_excel_history_in_one_go()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importok");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var existing = await (await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 7, ["D1.total"] = 5 }, targetUnit: "lao-cai")).ReadAsync();

        var file = BulkFiles.Xlsx(Header, Keys,
            ["lao-cai", "Tỉnh Lào Cai", 10, 8, 0.9m, "Có"],
            ["lao-cai.so-khcn", "Sở KHCN", 4, null, null, "không"]);
        var response = await reporter.ImportAsync(file);
        var again = await reporter.ImportAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ImportResult(Created: 1, Updated: 1, Unchanged: 0, Rows: 2), await response.Content.ReadFromJsonAsync<ImportResult>(TestContext.Current.CancellationToken));
        Assert.Equal(new ImportResult(0, 0, 2, 2), await again.Content.ReadFromJsonAsync<ImportResult>(TestContext.Current.CancellationToken));
        await using var db = host.Db();
        var ct = TestContext.Current.CancellationToken;
        var province = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == existing.Id, ct);
        // The file's columns replace their values; D1.total, not in the file, stays.
        Assert.Equal((SubmissionStates.Draft, 2), (province.State, province.Version));
        Assert.Equal(["A.due", "A.onTime", "D1.total", "E3.completion", "E3.onTime"], province.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((10m, 0.9m, true, 5m), (province.Values["A.due"].GetDecimal(), province.Values["E3.completion"].GetDecimal(), province.Values["E3.onTime"].GetBoolean(), province.Values["D1.total"].GetDecimal()));
        var history = await db.SubmissionValueChanges.AsNoTracking().Where(c => c.SubmissionId == existing.Id && c.Channel == Channels.Excel)
            .OrderBy(c => c.Key).Select(c => new { c.Key, c.OldValue, c.NewValue }).ToListAsync(ct);
        Assert.Equal(["A.due", "A.onTime", "E3.completion", "E3.onTime"], history.Select(h => h.Key));
        Assert.Equal(("7", "10"), (history[0].OldValue, history[0].NewValue));
        var own = await db.Submissions.AsNoTracking().SingleAsync(s => s.TargetUnit == "lao-cai.so-khcn", ct);
        Assert.Equal((4m, false), (own.Values["A.due"].GetDecimal(), own.Values["E3.onTime"].GetBoolean()));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityId == own.Id.ToString(), ct));
    }

    [Fact]
    public async Task A_semicolon_csv_with_decimal_commas_is_read()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importcsv");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        // As Excel in Vietnamese saves it: ';' between fields, a comma in a label left unquoted, decimal comma.
        var csv = "Mã đơn vị;Tên đơn vị;Tổng số nhiệm vụ KHCN, ĐMST của năm;Tỷ lệ nội dung\r\nunit;unitName;D1.total;E3.completion\r\nlao-cai;Tỉnh Lào Cai;12;0,9\r\n";

        var response = await reporter.ImportAsync([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)], "nhap-lieu.csv");
        var dotted = await reporter.ImportAsync(Encoding.UTF8.GetBytes(csv.Replace("0,9", "0.9", StringComparison.Ordinal)), "nhap-lieu.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = host.Db();
        var saved = await db.Submissions.AsNoTracking().SingleAsync(s => s.TargetUnit == "lao-cai", TestContext.Current.CancellationToken);
        Assert.Equal((12m, 0.9m), (saved.Values["D1.total"].GetDecimal(), saved.Values["E3.completion"].GetDecimal()));
        // With ';' a dot is not a decimal mark: refused rather than misread.
        Assert.Equal(HttpStatusCode.BadRequest, dotted.StatusCode);
        Assert.Contains("dấu phẩy", (await dotted.ProblemAsync()).GetProperty("errors").GetProperty("row3.E3.completion")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_neither_xlsx_nor_utf8_text_answers_415_and_an_oversize_one_413()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importtype");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE];
        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await zip.CreateEntry("ghi-chu.txt").OpenAsync(TestContext.Current.CancellationToken);
            await entry.WriteAsync("không phải bảng tính"u8.ToArray(), TestContext.Current.CancellationToken);
        }
        var big = Encoding.UTF8.GetBytes("unit,A.due\r\n" + string.Concat(Enumerable.Repeat("lao-cai,1\r\n", 600_000)));

        var image = await reporter.ImportAsync(png, "so-lieu.xlsx");
        var otherZip = await reporter.ImportAsync(zipStream.ToArray(), "so-lieu.xlsx");
        var oversize = await reporter.ImportAsync(big, "so-lieu.csv");

        Assert.Equal([HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge],
            [image.StatusCode, otherZip.StatusCode, oversize.StatusCode]);
        Assert.Contains("Excel (.xlsx) hoặc CSV", (await image.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("5 MB", (await oversize.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await host.CountsAsync());
    }

    [Fact]
    public async Task Importing_over_a_submitted_submission_is_refused_and_writes_nothing()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "importsubmitted");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var submitted = await reporter.SubmittedAsync(SubmissionWorkflowTests.Values);
        var before = await host.CountsAsync();

        var response = await reporter.ImportAsync(BulkFiles.Xlsx(Header, Keys,
            ["lao-cai", "Tỉnh Lào Cai", 3, 1, null, null],
            ["lao-cai.so-khcn", "Sở KHCN", 11, 8, 0.9m, "Có"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Equal(["row4.A"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("đã nộp", errors.GetProperty("row4.A")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await host.CountsAsync());
        await using var db = host.Db();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submitted.Id, TestContext.Current.CancellationToken);
        Assert.Equal(10m, stored.Values["A.due"].GetDecimal());
    }
}
