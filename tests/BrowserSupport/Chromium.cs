using Microsoft.Playwright;
using Platform.LocalInfrastructure;
using Xunit;

namespace Platform.BrowserSupport;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed when missing) driven by Playwright — Playwright's own browser
/// download is impossible here. Flags from ../shared/guide/INFRA.md: without the background-networking ones Chromium
/// keeps trying to reach Google on this closed network.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Installed with apt when missing and we are root (like PostgreSQL and RabbitMQ), otherwise a clear error.
        var executable = await DebianPackages.ChromiumAsync(message => TestContext.Current.SendDiagnosticMessage(message), TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (cookies of nobody) at a laptop's screen size, in Vietnamese.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1366, int height = 900) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
        ViewportSize = new ViewportSize { Width = width, Height = height },
    });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
