using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Audit;
using Platform.Intake.Tests.Submissions;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Units;

/// <summary>The units HTTP API; the clock stands at 02/02/2026 in Vietnam.</summary>
public sealed class UnitsApiTests(PlatformInfrastructure infrastructure)
{
    private static readonly TestUser PlatformAdmin = new("quan-tri.nen-tang", [PlatformRoles.PlatformAdmin], OrgUnit: "vn");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Paged<UnitView>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<Paged<UnitView>>("/api/intake/units" + query, SubmissionCalls.Json, Ct))!;

    [Fact]
    public async Task A_province_lists_its_own_subtree_filtered_and_paged()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "unitslist");
        using var reviewer = host.Client(SubmissionsHost.Reviewer);

        var all = await ListAsync(reviewer, "?pageSize=500");
        var communes = await ListAsync(reviewer, "?kind=commune");
        var science = await ListAsync(reviewer, "?q=KHOA%20H%E1%BB%8CC"); // "KHOA HỌC": any case, Vietnamese letters too
        var byCode = await ListAsync(reviewer, "?q=so-k");
        var children = await ListAsync(reviewer, "?parent=lao-cai.so-khcn");
        var page2 = await ListAsync(reviewer, "?pageSize=10&page=3");
        var badKind = await reviewer.GetAsync("/api/intake/units?kind=tinh", Ct);

        // units.csv: Lào Cai itself, 19 departments and centres, 5 communes.
        Assert.Equal((25, 1, 500), (all.Total, all.Page, all.PageSize));
        Assert.All(all.Items, u => Assert.StartsWith("lao-cai", u.Code, StringComparison.Ordinal));
        Assert.Equal(5, communes.Total);
        Assert.Equal(["lao-cai.so-khcn", "lao-cai.tt-cntt"], science.Items.Select(u => u.Code));
        Assert.Equal(["lao-cai.so-khcn"], byCode.Items.Select(u => u.Code));
        Assert.Equal(["lao-cai.tt-cntt"], children.Items.Select(u => u.Code));
        Assert.Equal((25, 5), (page2.Total, page2.Items.Count));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }

    [Fact]
    public async Task A_unit_of_another_province_answers_404_and_its_own_shows_its_history()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "unitsget");
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        using var admin = host.Client(PlatformAdmin);
        // A merger recorded on 02/02/2026: Xã mẫu 01 takes over Xã mẫu 02 and is renamed.
        var csv = "code,kind,name,parent,peer_groups,formed_from,valid_from\n" +
                  "lao-cai.xa-mau-01,commune,Xã Hợp Nhất (dữ liệu minh họa),lao-cai,lao-cai.communes,Xã mẫu 01 (dữ liệu minh họa); Xã mẫu 02 (dữ liệu minh họa),2026-02-02\n";
        var import = await admin.PostAsync("/api/intake/units/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var foreign = await reviewer.GetAsync("/api/intake/units/thanh-hoa.so-khcn", Ct);
        var detail = await reviewer.GetFromJsonAsync<UnitDetailView>("/api/intake/units/lao-cai.xa-mau-01", SubmissionCalls.Json, Ct);
        var merged = await reviewer.GetFromJsonAsync<UnitDetailView>("/api/intake/units/lao-cai.xa-mau-02", SubmissionCalls.Json, Ct);
        var before = await ListAsync(reviewer, "?kind=commune&q=01&asOf=2026-02-01");
        var now = await ListAsync(reviewer, "?kind=commune&q=01");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("Không tìm thấy", (await foreign.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal([(1, new DateOnly(2025, 7, 1), (DateOnly?)new DateOnly(2026, 2, 2)), (2, new DateOnly(2026, 2, 2), null)],
            detail!.History.Select(r => (r.Revision, r.ValidFrom, r.ValidTo)));
        Assert.Equal("Xã Hợp Nhất (dữ liệu minh họa)", detail.Current.Name);
        Assert.Equal(["lao-cai.xa-mau-02"], detail.Predecessors);
        Assert.Equal(["lao-cai.xa-mau-01"], merged!.Successors);
        Assert.Equal("Xã mẫu 01 (dữ liệu minh họa)", before.Items.Single().Name);
        Assert.Equal("Xã Hợp Nhất (dữ liệu minh họa)", now.Items.Single().Name);
        await using var db = host.Db();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditEntities.Unit && e.EntityId == "lao-cai.xa-mau-01", Ct);
        Assert.Equal(("revised", PlatformAdmin.Subject), (audit.Action, audit.By));
    }

    [Fact]
    public async Task The_export_is_the_callers_subtree_as_utf8_csv_with_a_bom()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "unitsexport");
        using var reviewer = host.Client(SubmissionsHost.Reviewer);

        var response = await reviewer.GetAsync("/api/intake/units/export", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/csv", "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', UnitsCsv.Columns), lines[0]);
        Assert.StartsWith("lao-cai,province,Tỉnh Lào Cai,vn,", lines[1], StringComparison.Ordinal);
        Assert.Equal(1 + 25, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith("thanh-hoa", StringComparison.Ordinal));
        Assert.Contains("lao-cai.bao-ptth,department,\"Báo và Phát thanh, Truyền hình Lào Cai\",lao-cai,,,2025-07-01", lines);
    }

    [Fact]
    public async Task An_import_with_errors_writes_nothing_and_names_each_row_in_vietnamese()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "unitsimportbad");
        using var admin = host.Client(PlatformAdmin);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var csv = "code,kind,name,parent,peer_groups,formed_from,valid_from\n" +
                  "lao-cai.xa-moi,commune,Xã Mới (dữ liệu minh họa),lao-cai,lao-cai.communes,,2026-01-01\n" +
                  "lao-cai.xa-loi,lang,,lao-cai.khong-co,,,01/13/2026\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "units.csv");

        var byReviewer = await reviewer.PostAsync("/api/intake/units/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        var response = await admin.PostAsync("/api/intake/units/import", form, Ct);
        var tooLarge = await admin.PostAsync("/api/intake/units/import",
            new ByteArrayContent(new byte[ImportUnits.MaxImportBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Tệp danh mục đơn vị không hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["row 3: kind", "row 3: name", "row 3: parent", "row 3: valid_from"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Tên đơn vị (tiếng Việt có dấu) không được để trống.", errors.GetProperty("row 3: name")[0].GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await using var db = host.Db();
        Assert.False(await db.OrganisationUnits.AnyAsync(u => u.Code == "lao-cai.xa-moi", Ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == AuditEntities.Unit, Ct));
    }

    [Fact]
    public async Task A_platform_administrator_imports_a_new_unit_as_a_multipart_file()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "unitsimport");
        using var admin = host.Client(PlatformAdmin);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("\uFEFFcode,kind,name,parent,peer_groups,formed_from,valid_from\r\n" +
                                                           "lao-cai.xa-moi,commune,Xã Mới (dữ liệu minh họa),lao-cai,lao-cai.communes,,2026-01-01\r\n")), "file", "units.csv");

        var response = await admin.PostAsync("/api/intake/units/import", form, Ct);

        Assert.Equal(new UnitImportSummary(1, 0, 0), await response.Content.ReadFromJsonAsync<UnitImportSummary>(SubmissionCalls.Json, Ct));
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        Assert.Equal(6, (await ListAsync(reviewer, "?kind=commune")).Total);
        await using var db = host.Db();
        Assert.Equal("created", (await db.AuditEntries.SingleAsync(e => e.EntityType == AuditEntities.Unit, Ct)).Action);
    }
}
