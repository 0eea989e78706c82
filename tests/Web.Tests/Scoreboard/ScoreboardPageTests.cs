using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

public sealed class ScoreboardPageTests : BunitContext
{
    private static readonly Guid Revision1 = Guid.NewGuid(), Revision2 = Guid.NewGuid(), Preview = Guid.NewGuid();

    private IRenderedComponent<ScoreboardPage> Open(string url = "/bang-xep-hang")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<ScoreboardPage>();
    }

    [Fact]
    public void The_current_official_revision_is_shown_with_its_ranking_and_links_to_the_unit_pages()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.reviewer", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        gateway.Answer("/api/monthly-scoring/runs?peerGroup=provinces", new[] { Provisional(Preview, 59), Official(Revision1, 1, "superseded"), Official(Revision2, 2, "current") });
        gateway.Answer($"/api/monthly-scoring/runs/{Revision2}/results", new ScoreboardResults(Official(Revision2, 2, "current"), Lines));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=scoreboard-row]").Count));
        var status = page.Find("[data-testid=run-status]");
        Assert.Equal("official", status.GetAttribute("data-kind"));
        Assert.Contains("công bố lần 2", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("/bang-xep-hang/2026-01/provinces/lao-cai", page.Find("[data-unit=lao-cai] a").GetAttribute("href"));
        Assert.Equal("2026-01", page.Find("#ky option[selected]").GetAttribute("value"));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.Contains(Preview.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Before_publication_the_latest_provisional_run_is_shown_and_marked_provisional_with_the_filters_of_the_query()
    {
        var gateway = this.UseStubGateway().SignedIn("bkhcn.leader", "vn", "Bộ Khoa học và Công nghệ", "leader");
        var older = Guid.NewGuid();
        gateway.Answer("/api/monthly-scoring/runs?peerGroup=provinces", new[] { Provisional(older, 1), Provisional(Preview, 30) });
        gateway.Answer($"/api/monthly-scoring/runs/{Preview}/results", new ScoreboardResults(Provisional(Preview, 30), Lines));

        var page = Open("/bang-xep-hang?ky=2026-01&nhom=provinces&loai=B&tim=lao");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=scoreboard-row]")));
        Assert.Equal("lao-cai", page.Find("[data-testid=scoreboard-row]").GetAttribute("data-unit"));
        var status = page.Find("[data-testid=run-status]");
        Assert.Equal("provisional", status.GetAttribute("data-kind"));
        Assert.Contains("Kết quả tạm tính", status.TextContent, StringComparison.Ordinal);
        Assert.Equal("B", page.Find("#loai option[selected]").GetAttribute("value"));
        Assert.Equal("lao", page.Find("#tim").GetAttribute("value"));
        var form = page.Find("form[data-testid=scoreboard-filters]");
        Assert.Equal(("get", "/bang-xep-hang"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.All(form.QuerySelectorAll("select, input"), field => Assert.NotNull(page.Find($"label[for={field.Id}]")));
    }

    [Fact]
    public void A_period_without_any_run_says_so()
    {
        var gateway = this.UseStubGateway().SignedIn("tw-cong-bo", "vn", "Bộ Khoa học và Công nghệ", "publisher");
        gateway.Answer("/api/monthly-scoring/runs?peerGroup=ministries", new[] { Provisional(Preview, 1) with { PeerGroup = "ministries" } });

        var page = Open("/bang-xep-hang?ky=2026-03&nhom=ministries");

        page.WaitForAssertion(() => Assert.Contains("Chưa có lượt chấm điểm", page.Find("[data-testid=no-run]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("table"));
        Assert.Equal("ministries", page.Find("#nhom option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void The_services_refusal_is_shown_in_its_own_words()
    {
        var gateway = this.UseStubGateway().SignedIn("x", "lao-cai", "Tỉnh Lào Cai", "reviewer");
        gateway.Problem("/api/monthly-scoring/runs?peerGroup=provinces", HttpStatusCode.Forbidden, "Không có quyền thực hiện",
            "Tài khoản chưa được gán đơn vị (org_unit) hoặc được gán nhiều đơn vị; không xác định được phạm vi dữ liệu.");

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền thực hiện", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Contains("org_unit", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reporter_without_a_reader_role_is_sent_to_the_public_results()
    {
        var gateway = this.UseStubGateway().SignedIn("lao-cai.so-khcn.reporter", "lao-cai.so-khcn", "Sở KHCN Lào Cai", "reporter");

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Không có quyền truy cập", page.Markup, StringComparison.Ordinal));
        Assert.NotNull(page.Find("a[href='/ket-qua']"));
        Assert.DoesNotContain(gateway.Requests, r => r.PathAndQuery.StartsWith("/api/monthly-scoring", StringComparison.Ordinal));
    }
}
