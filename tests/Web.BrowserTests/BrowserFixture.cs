using Platform.BrowserSupport;
using Platform.TestSupport;

namespace Platform.Web.BrowserTests;

/// <summary>The platform and a Chromium, started once for the browser tests of a class.</summary>
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
