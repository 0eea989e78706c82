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

/// <summary>
/// A browser for several gateway replicas behind one address (no sticky sessions): each request to the gateway goes to
/// the replica <see cref="Route"/> chooses for it (replica 0 unless told), as a load balancer might.
/// </summary>
internal sealed class ReplicaBrowser : CookieBrowser
{
    private readonly HttpMessageInvoker[] _gateways;
    private readonly HttpMessageInvoker _identity;

    public ReplicaBrowser(IReadOnlyList<HttpMessageHandler> gateways, HttpMessageHandler identityProvider)
        : this([.. gateways.Select(g => new HttpMessageInvoker(g, disposeHandler: false))], new HttpMessageInvoker(identityProvider, disposeHandler: false))
    {
    }

    private ReplicaBrowser(HttpMessageInvoker[] gateways, HttpMessageInvoker identity)
        : this(gateways, identity, new Holder())
    {
    }

    private ReplicaBrowser(HttpMessageInvoker[] gateways, HttpMessageInvoker identity, Holder holder)
        : base(new Uri(SignInBrowser.GatewayUrl), uri => uri.Port == new Uri(SignInBrowser.IdentityUrl).Port ? identity : gateways[holder.Route(uri)])
    {
        _gateways = gateways;
        _identity = identity;
        _holder = holder;
    }

    private readonly Holder _holder;

    /// <summary>Which replica (0-based) a request to the gateway goes to.</summary>
    public Func<Uri, int> Route
    {
        get => _holder.Route;
        set => _holder.Route = value;
    }

    /// <summary>Every request to the gateway goes to <paramref name="replica"/>.</summary>
    public ReplicaBrowser At(int replica)
    {
        Route = _ => replica;
        return this;
    }

    public override void Dispose()
    {
        foreach (var gateway in _gateways) gateway.Dispose();
        _identity.Dispose();
        base.Dispose();
    }

    private sealed class Holder
    {
        public Func<Uri, int> Route { get; set; } = _ => 0;
    }
}
