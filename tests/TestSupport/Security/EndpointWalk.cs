using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.TestSupport.Security;

/// <summary>One route endpoint of a started process, as its endpoint data source lists it.</summary>
/// <param name="Methods">The HTTP methods it answers (<c>*</c> for any), e.g. <c>GET</c> or <c>GET,HEAD</c>.</param>
/// <param name="Pattern">The route template, e.g. <c>/api/intake/units/{code}</c>.</param>
/// <param name="AllowsAnonymous">It carries <c>AllowAnonymous()</c> metadata.</param>
/// <param name="RequiresAuthorization">It carries authorization metadata (<c>RequireAuthorization</c>, a policy, requirements).</param>
public sealed record WalkedEndpoint(string Methods, string Pattern, bool AllowsAnonymous, bool RequiresAuthorization, RouteEndpoint Endpoint)
{
    /// <summary><c>GET /api/intake/units/{code}</c>: how the public lists name an endpoint.</summary>
    public string Name => $"{Methods} {Pattern}";

    public override string ToString() => Name;
}

/// <summary>
/// Walks the endpoint data source of a started process (what routing matches requests against) and turns its protected
/// endpoints into requests: the route lists of the token probes are generated, so a new endpoint is probed the day it is
/// mapped.
/// </summary>
public static class EndpointWalk
{
    /// <summary>A value for an id route parameter that no row has.</summary>
    public static readonly Guid UnknownId = Guid.Parse("0197a000-0000-7000-8000-00000000e20e");

    /// <summary>Every route endpoint of the process, ordered by pattern then methods.</summary>
    public static IReadOnlyList<WalkedEndpoint> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new WalkedEndpoint(
                Methods(e),
                e.RoutePattern.RawText ?? "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Raw)))),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                    || e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0
                    || e.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>().Count > 0,
                e))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Methods, StringComparer.Ordinal)];

    /// <summary>
    /// One request per method of every endpoint that requires authorization (and does not allow anonymous callers), its
    /// route parameters filled with harmless values (<see cref="Fill"/>) and its body of the first content type it accepts.
    /// </summary>
    public static IReadOnlyList<ProtectedRoute> ProtectedRoutes(IServiceProvider services) =>
        [.. Endpoints(services)
            .Where(e => !e.AllowsAnonymous)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ProtectedRoute(method, Fill(e.Endpoint.RoutePattern), ContentType(e.Endpoint))))
            .Distinct()];

    /// <summary>
    /// The path of <paramref name="pattern"/> with each parameter filled: an id (<c>guid</c> constraint or a name ending in
    /// <c>id</c>) gets <see cref="UnknownId"/>, a number 2026, a period <c>2026-01</c>, a framework <c>monthly-4585</c>, a year
    /// 2026, anything else <c>lao-cai</c> (a unit code); optional parameters are left out.
    /// </summary>
    public static string Fill(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { IsOptional: true } => "",
                RoutePatternParameterPart parameter => Value(parameter),
                _ => "",
            }));
            if (text.Length > 0) segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        var name = parameter.Name;
        if (constraints.Contains("guid") || name.EndsWith("id", StringComparison.OrdinalIgnoreCase)) return UnknownId.ToString();
        if (constraints.Any(c => c is "int" or "long" or "decimal" or "double")) return "2026";
        if (name.Contains("period", StringComparison.OrdinalIgnoreCase) || name.Contains("month", StringComparison.OrdinalIgnoreCase)) return "2026-01";
        if (name.Contains("year", StringComparison.OrdinalIgnoreCase)) return "2026";
        if (name.Contains("framework", StringComparison.OrdinalIgnoreCase)) return "monthly-4585";
        return "lao-cai";
    }

    private static string ContentType(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";

    private static string Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(',', methods) : "*";

    private static string Raw(RoutePatternPart part) => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    };
}
