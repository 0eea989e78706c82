using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.Routing;

/// <summary>
/// Resolves destinations written as service names (<c>http://intake</c>) through
/// Microsoft.Extensions.ServiceDiscovery, i.e. the <c>services__intake__http__0</c> variables AppHost sets.
/// (The Microsoft.Extensions.ServiceDiscovery.Yarp package that does this is not available here.)
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var authority = endpoint.EndPoint switch
                {
                    UriEndPoint uri => uri.Uri.GetLeftPart(UriPartial.Authority),
                    DnsEndPoint dns => $"{address.Scheme}://{dns.Host}:{dns.Port}",
                    IPEndPoint ip => $"{address.Scheme}://{ip}",
                    var other => $"{address.Scheme}://{other}",
                };
                resolved[$"{name}[{index++}]"] = destination with { Address = authority + address.PathAndQuery.TrimEnd('/') };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
