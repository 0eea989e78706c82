using Microsoft.Playwright;
using Platform.BrowserSupport;

namespace Platform.Web.BrowserTests;

/// <summary>One person at their own browser (own cookies), signed in through the gateway's SSO like anyone would.</summary>
public sealed class Person(IBrowserContext context, IPage page, Screenshots screenshots, string name) : IAsyncDisposable
{
    public IPage Page => page;

    /// <param name="width">The browser's width in CSS pixels: a laptop by default, <see cref="PageChecks.PhoneWidth"/> for a phone.</param>
    public static async Task<Person> SignInAsync(BrowserFixture fixture, Screenshots screenshots, string username, int width = 1366)
    {
        var context = await fixture.Chromium.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Url("/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng tài khoản một lần (SSO)" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync("dev-only-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        var person = new Person(context, page, screenshots, username);
        await person.ShotAsync("da-dang-nhap");
        return person;
    }

    /// <summary>Someone from the public, in a browser of their own, not signed in.</summary>
    public static async Task<Person> AnonymousAsync(BrowserFixture fixture, Screenshots screenshots, string name)
    {
        var context = await fixture.Chromium.NewContextAsync();
        return new Person(context, await context.NewPageAsync(), screenshots, name);
    }

    public async Task GoAsync(BrowserFixture fixture, string path)
    {
        await page.GotoAsync(fixture.Url(path));
    }

    /// <summary>A screenshot of the step, and the page checked for accessibility (every page a test looks at).</summary>
    public async Task ShotAsync(string step)
    {
        await screenshots.TakeAsync(page, $"{name}-{step}");
        await PageChecks.AssertAccessibleAsync(page, $"{name}-{step}");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
