using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Admin;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Admin;

public sealed class UnitsTableTests : BunitContext
{
    [Fact]
    public void Units_are_listed_with_Vietnamese_kinds_peer_groups_dates_and_a_link_to_their_history()
    {
        UnitRevision[] units =
        [
            new("lao-cai", "Tỉnh Lào Cai", "province", "vn", ["provinces"], new DateOnly(2025, 7, 1), null, 2),
            new("lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "department", "lao-cai", ["lao-cai.departments"], new DateOnly(2025, 7, 1), new DateOnly(2026, 3, 1), 1),
        ];

        var names = new Dictionary<string, string> { ["vn"] = "Việt Nam", ["lao-cai"] = "Tỉnh Lào Cai" };

        var table = Render<UnitsTable>(p => p.Add(c => c.Items, units).Add(c => c.UnitNames, names));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["lao-cai", "lao-cai.so-khcn"], rows.Select(r => r.GetAttribute("data-unit")!));
        Assert.Equal(["Tên đơn vị", "Mã", "Loại", "Trực thuộc", "Nhóm so sánh", "Hiệu lực từ"], table.FindAll("thead th").Select(th => th.TextContent));
        Assert.All(table.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal("row", rows[0].QuerySelector("th")!.GetAttribute("scope"));
        // People read the name, which is also the link to the unit's history (no label hiding what is visible).
        var link = rows[1].QuerySelector("th a")!;
        Assert.Equal(("Sở Khoa học và Công nghệ tỉnh Lào Cai", "/quan-tri/don-vi/lao-cai.so-khcn", null),
            (link.TextContent, link.GetAttribute("href"), link.GetAttribute("aria-label")));
        Assert.Contains("Tỉnh, thành phố", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Việt Nam", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sở, ban, ngành của Tỉnh Lào Cai", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("01/07/2025 – 01/03/2026", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_search_says_so()
    {
        var table = Render<UnitsTable>(p => p.Add(c => c.Items, Array.Empty<UnitRevision>()));

        Assert.Equal("Không có đơn vị nào khớp điều kiện tìm kiếm.", table.Find("[data-testid=units-empty]").TextContent);
        Assert.Empty(table.FindAll("table"));
    }

    [Fact]
    public void The_pager_links_the_neighbouring_pages_and_counts_in_Vietnamese()
    {
        var pager = Render<PageLinks>(p => p.Add(c => c.Page, 2).Add(c => c.Pages, 3).Add(c => c.Total, 1234).Add(c => c.ItemName, "đơn vị")
            .Add(c => c.Href, page => $"/quan-tri/don-vi?trang={page}"));

        Assert.Equal("/quan-tri/don-vi?trang=1", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/quan-tri/don-vi?trang=3", pager.Find("a[rel=next]").GetAttribute("href"));
        Assert.Contains("Trang 2/3 · 1.234 đơn vị", pager.Find("nav").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_import_lists_every_problem_by_row_and_column_in_row_order()
    {
        var problem = new ApiProblem("Tệp danh mục đơn vị không hợp lệ", "Tệp có 3 lỗi; chưa đơn vị nào được ghi.", new Dictionary<string, string[]>
        {
            ["row 12: parent"] = ["Đơn vị cha 'xyz' không tồn tại."],
            ["row 3: kind"] = ["Loại đơn vị 'tinh' không hợp lệ."],
            ["file"] = ["Thiếu cột valid_from."],
        });

        var report = Render<UnitImportReport>(p => p.Add(c => c.Problem, problem));

        Assert.Contains("chưa đơn vị nào được ghi", report.Find("[data-testid=units-import-errors]").TextContent, StringComparison.Ordinal);
        var rows = report.FindAll("[data-testid=units-import-error-table] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["Cả tệp | — | Thiếu cột valid_from.", "3 | kind | Loại đơn vị 'tinh' không hợp lệ.", "12 | parent | Đơn vị cha 'xyz' không tồn tại."], rows);
    }
}
