namespace Platform.Gateway.Protections;

/// <summary>
/// Browser protections on every gateway response: a Content-Security-Policy without inline script,
/// no MIME sniffing, no referrer, no framing. HSTS is added by <c>UseHsts</c> (HTTPS only, outside Development).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
    };

    // As pairs, not through the dictionary's interface: enumerating that allocates on every response.
    private static readonly KeyValuePair<string, string>[] Pairs = [.. All];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(Overwrite, context.Response);
            return next(context);
        });

    // Overwrite what a service sent: the gateway's policy is the one browsers must see.
    private static Task Overwrite(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        foreach (var (name, value) in Pairs) headers[name] = value;
        return Task.CompletedTask;
    }
}
