using Platform.TestSupport;
using Microsoft.Playwright;

namespace Platform.Web.BrowserTests;

public sealed class BrowserFixture(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public PlatformSite Site { get; } = new(infrastructure);

    public Chromium Chromium { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Site.InitializeAsync();
        await Chromium.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Site.DisposeAsync();
    }
}

public sealed class HomePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_signed_in_reporter_sees_their_unit_and_role_in_the_header()
    {
        var shots = new Screenshots(nameof(A_signed_in_reporter_sees_their_unit_and_role_in_the_header));
        await using var context = await fixture.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Site.GatewayUrl + "/");
        await shots.TakeAsync(page, "trang-chu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng tài khoản một lần (SSO)" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await shots.TakeAsync(page, "form");
        await page.GetByLabel("Tên đăng nhập").FillAsync("lao-cai.so-khcn.reporter");
        await page.GetByLabel("Mật khẩu").FillAsync("dev-only-123");
        await shots.TakeAsync(page, "dang-nhap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        var who = page.GetByTestId("current-user");
        await Assertions.Expect(who).ToContainTextAsync("Sở Khoa học và Công nghệ");
        await Assertions.Expect(who).ToContainTextAsync("Báo cáo số liệu");
        await shots.TakeAsync(page, "da-dang-nhap");
    }
}
