using Platform.TestSupport.Browsing;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// A browser for two sites on localhost: the gateway (port 5100) and the identity provider (port 8180), each an
/// in-process test server (<see cref="CookieBrowser"/> keeps the cookies, follows redirects and records what it received).
/// </summary>
internal sealed class SignInBrowser : CookieBrowser
{
    public const string GatewayUrl = "http://localhost:5100";
    public const string IdentityUrl = "http://localhost:8180";

    private readonly HttpMessageInvoker _gateway;
    private readonly HttpMessageInvoker _identity;

    public SignInBrowser(HttpMessageHandler gateway, HttpMessageHandler identityProvider)
        : this(new HttpMessageInvoker(gateway, disposeHandler: false), new HttpMessageInvoker(identityProvider, disposeHandler: false))
    {
    }

    private SignInBrowser(HttpMessageInvoker gateway, HttpMessageInvoker identity)
        : base(new Uri(GatewayUrl), uri => uri.Port == new Uri(IdentityUrl).Port ? identity : gateway)
    {
        _gateway = gateway;
        _identity = identity;
    }

    public override void Dispose()
    {
        _gateway.Dispose();
        _identity.Dispose();
        base.Dispose();
    }
}
