using Platform.BrowserSupport;
using Platform.PlatformHarness;

namespace Platform.Web.BrowserTests;

/// <summary>
/// A Chromium for the browser tests of a class, in front of the one platform the assembly shares
/// (<see cref="AspirePlatform"/>: the real AppHost under Aspire's test harness).
/// </summary>
public sealed class BrowserFixture(AspirePlatform platform) : IAsyncLifetime
{
    public AspirePlatform Platform => platform;

    public Chromium Chromium { get; } = new();

    /// <summary>The address of <paramref name="path"/> (with its query) on the gateway, where people reach the platform.</summary>
    public string Url(string path) => new Uri(platform.GatewayUrl, path).ToString();

    public ValueTask InitializeAsync() => Chromium.InitializeAsync();

    public ValueTask DisposeAsync() => Chromium.DisposeAsync();
}
