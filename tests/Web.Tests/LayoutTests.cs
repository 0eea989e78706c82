using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Web.Components.Layout;

namespace Platform.Web.Tests;

public sealed class LayoutTests : BunitContext
{
    [Fact]
    public void The_header_shows_the_signed_in_persons_unit_and_roles_in_Vietnamese_and_a_sign_out_button()
    {
        this.UseStubGateway().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter", "leader");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "nội dung"))));

        layout.WaitForAssertion(() =>
        {
            var who = layout.Find("[data-testid=current-user]");
            Assert.Contains("Tỉnh Lào Cai", who.TextContent, StringComparison.Ordinal);
            Assert.Contains("Báo cáo số liệu", who.TextContent, StringComparison.Ordinal);
            Assert.Contains("Lãnh đạo", who.TextContent, StringComparison.Ordinal);
        });
        Assert.Equal("/dang-xuat", layout.Find("form[action='/dang-xuat']").GetAttribute("action"));
        Assert.NotEmpty(layout.FindAll("a[href='/viec-cua-toi']"));
        Assert.Empty(layout.FindAll("a[href='/cong-bo']"));
    }

    [Fact]
    public void Without_a_session_the_header_offers_sign_in_and_the_public_results()
    {
        this.UseStubGateway(new StubGateway().Problem("/api/me", System.Net.HttpStatusCode.Unauthorized, "Chưa đăng nhập"));

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "nội dung"))));

        Assert.StartsWith("/dang-nhap?returnUrl=", layout.Find("a.button").GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotEmpty(layout.FindAll("a[href='/ket-qua']"));
        Assert.Empty(layout.FindAll("[data-testid=current-user]"));
    }
}
