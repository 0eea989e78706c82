using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Layout;

namespace Platform.Web.Tests.Notifications;

public sealed class BellTests : BunitContext
{
    private IRenderedComponent<MainLayout> Layout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "nội dung trang"))));

    [Fact]
    public void The_bell_shows_the_unread_count_with_a_label_in_words_and_links_to_the_inbox()
    {
        this.UseStubGateway().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter")
            .Answer("/api/notifications/inbox/unread-count", new UnreadCount(3));

        var layout = Layout();

        layout.WaitForAssertion(() => Assert.Equal("3", layout.Find("[data-testid=bell-count]").TextContent));
        var bell = layout.Find("[data-testid=bell]");
        Assert.Equal("3 thông báo chưa đọc", bell.GetAttribute("aria-label"));
        Assert.Equal("/thong-bao", bell.GetAttribute("href"));
    }

    [Fact]
    public void With_nothing_unread_the_bell_has_no_badge_but_says_so()
    {
        this.UseStubGateway().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter")
            .Answer("/api/notifications/inbox/unread-count", new UnreadCount(0));

        var layout = Layout();

        layout.WaitForAssertion(() => Assert.Equal("Thông báo, không có thông báo chưa đọc", layout.Find("[data-testid=bell]").GetAttribute("aria-label")));
        Assert.Empty(layout.FindAll("[data-testid=bell-count]"));
    }

    [Fact]
    public void When_the_notifications_service_is_down_the_page_renders_with_a_bell_without_a_number()
    {
        this.UseStubGateway().SignedIn("lao-cai.reporter", "lao-cai", "Tỉnh Lào Cai", "reporter")
            .Problem("/api/notifications/inbox/unread-count", HttpStatusCode.ServiceUnavailable, "Dịch vụ tạm thời không sẵn sàng");

        var layout = Layout();

        layout.WaitForAssertion(() => Assert.Contains("nội dung trang", layout.Markup, StringComparison.Ordinal));
        Assert.NotNull(layout.Find("[data-testid=current-user]"));
        Assert.Equal("Thông báo", layout.Find("[data-testid=bell]").GetAttribute("aria-label"));
        Assert.Empty(layout.FindAll("[data-testid=bell-count]"));
    }

    [Fact]
    public void Without_a_session_there_is_no_bell()
    {
        this.UseStubGateway(new StubGateway().Problem("/api/me", HttpStatusCode.Unauthorized, "Chưa đăng nhập"));

        var layout = Layout();

        Assert.Empty(layout.FindAll("[data-testid=bell]"));
    }
}
