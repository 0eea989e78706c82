using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.DxIndex.Data;
using Platform.DxIndex.Nq57;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.Nq57.Nq57Fixture;

namespace Platform.DxIndex.Tests.Nq57;

public sealed class Nq57RoundTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string RoundPath = $"/api/dx-index/nq57/rounds/{Round}";

    private static async Task<ServiceHost<Program, DxIndexDbContext>> DecidedAsync(PlatformInfrastructure infrastructure, string prefix,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = await ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix, settings, Now);
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Approved());
        using var leader = host.Client(ThanhHoaLeader);
        var decided = await DecideAsync(leader, new
        {
            scores = new Dictionary<string, decimal> { ["B.II.2"] = 5m },
            reasons = new Dictionary<string, string> { ["B.II.2"] = "Chỉ 3 bài đăng trên báo chính thức" },
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return host;
    }

    [Fact]
    public async Task A_province_sees_its_communes_who_has_not_submitted_the_totals_and_the_criteria_most_often_missed()
    {
        await using var host = await DecidedAsync(infrastructure, "nq57round");
        using var province = host.Client(ThanhHoaReviewer);

        var view = (await province.GetFromJsonAsync<Nq57RoundView>(RoundPath, Json, Ct))!;

        Assert.Equal(("Tỉnh Thanh Hóa", 2, 1, 1, 1), (view.ScopeName, view.Communes, view.Submitted, view.NotSubmitted, view.Decided));
        var nhuThanh = view.Rows[0];
        Assert.Equal(("Xã Như Thanh", 1, 14.5m, 14.55m, 9.55m, 4.55m, 5m), (nhuThanh.Name, nhuThanh.Rank!.Value, nhuThanh.SelfTotal!.Value,
            nhuThanh.ReviewerTotal!.Value, nhuThanh.FinalTotal!.Value, nhuThanh.FinalA!.Value, nhuThanh.FinalB!.Value));
        var silent = view.Rows[1];
        Assert.Equal(("thanh-hoa.xa-mau-01", "Chưa nộp", (int?)null), (silent.Unit, silent.StateName, silent.Rank));
        // Of 38 criteria only A.I.2.1 (3 of 3) reached its points: 37 missed, each by the one decided commune.
        Assert.Equal(37, view.MostMissed.Count);
        Assert.DoesNotContain(view.MostMissed, m => m.Code == "A.I.2.1");
        Assert.All(view.MostMissed, m => Assert.Equal(1, m.Communes));
        Assert.DoesNotContain(view.Rows, r => r.Unit.StartsWith("lao-cai", StringComparison.Ordinal));

        using var national = host.Client(NationalLeader);
        var all = (await national.GetFromJsonAsync<Nq57RoundView>(RoundPath, Json, Ct))!;
        Assert.Equal(3, all.Communes);
        Assert.Equal(2, (await national.GetFromJsonAsync<Nq57RoundView>(RoundPath + "?unit=thanh-hoa", Json, Ct))!.Communes);
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync(RoundPath + "?unit=lao-cai", Ct)).StatusCode);
        using var commune = host.Client(CommuneReporter);
        Assert.Equal(HttpStatusCode.NotFound, (await commune.GetAsync(Path("thanh-hoa.xa-mau-01"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commune.GetAsync(Path(), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_export_is_a_workbook_with_a_header_numbers_and_frozen_panes()
    {
        await using var host = await DecidedAsync(infrastructure, "nq57export");
        using var province = host.Client(ThanhHoaReviewer);

        var response = await province.GetAsync(RoundPath + "/export", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal("Kết quả", sheet.Name!.Value);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 3d, 3d), (pane.State!.Value, pane.HorizontalSplit!.Value, pane.VerticalSplit!.Value));
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.StartsWith("Kết quả tự đánh giá", cells["A1"].InnerText, StringComparison.Ordinal);
        Assert.Equal("Điểm cuối cùng", cells["I3"].InnerText);
        Assert.Equal(("Xã Như Thanh", "9.55"), (cells["C4"].InnerText, cells["I4"].CellValue!.Text));
        var numberFormat = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells["I4"].StyleIndex!.Value);
        Assert.Equal(164u, numberFormat.NumberFormatId!.Value);
    }

    [Fact]
    public async Task Demo_communes_are_seeded_labelled_and_never_replace_a_real_commune()
    {
        var settings = new Dictionary<string, string> { ["DxIndex:Nq57:DemoData"] = "true" };
        await using var host = await DecidedAsync(infrastructure, "nq57demo", settings);
        using var national = host.Client(NationalLeader);

        var view = (await national.GetFromJsonAsync<Nq57RoundView>(RoundPath, Json, Ct))!;
        // The seeded units in code order: Lào Cai's xã mẫu 01 (demo), Như Thanh (real), Thanh Hóa's xã mẫu 01 (demo).
        Assert.True(view.Demo);
        Assert.Equal([true, false, true], view.Rows.OrderBy(r => r.Unit, StringComparer.Ordinal).Select(r => r.Demo));
        Assert.All(view.Rows.Where(r => r.Demo), r => Assert.NotNull(r.FinalTotal));
        Assert.Equal(9.55m, view.Rows.Single(r => r.Unit == Commune).FinalTotal);

        // An approval reaching a demo commune is not mixed into it.
        await host.DeliverAsync(Approved(unit: "thanh-hoa.xa-mau-01", revision: 9));
        await using var db = host.Db();
        var demo = db.Set<Nq57Assessment>().Single(a => a.Unit == "thanh-hoa.xa-mau-01");
        Assert.Equal((true, 3), (demo.Demo, demo.Revision));
    }
}
