using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Browser protections on every response of a process people or other systems reach directly (each service, the web
/// application, the gateway, the identity provider), whatever answers: an endpoint, a problem written by the exception
/// handler or the status-code pages, a 401/403 of authorization, a 404 of no route, a static file. Registered first, so
/// nothing short-circuits before it; it only fills in what the answer did not set itself (the gateway's stricter policy,
/// the identity provider's pages with their own CSP, a download's <c>Cache-Control</c> stay as they are).
/// <list type="bullet">
/// <item>every answer: <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>;</item>
/// <item>an HTML page: <see cref="PageContentSecurityPolicy"/> (the gateway's: own scripts and styles only, no framing);
/// anything else (JSON, problems, files, empty answers): <see cref="ApiContentSecurityPolicy"/>, which loads nothing;</item>
/// <item><c>X-Frame-Options: DENY</c> for browsers without <c>frame-ancestors</c> whenever the CSP says <c>frame-ancestors
/// 'none'</c> (not on a page that set a CSP of its own without it: one meant to be framed, like the identity provider's
/// session-status iframe);</item>
/// <item><c>Cache-Control: no-store</c> on an answer to a request that carried credentials (a bearer token, a cookie) or
/// was authenticated, unless the endpoint chose its own caching;</item>
/// <item>HSTS (<c>UseHsts</c>, one year) outside Development, on HTTPS requests only.</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For JSON, problems, files and empty answers: nothing in them may load or run anything, nor be framed.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>For HTML pages: the gateway's policy (the web application runs under it), own scripts only, no inline script.</summary>
    public const string PageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Scalar's API reference (Development only, <see cref="ApiReferenceExtensions.ReferencePath"/>) starts itself with an
    /// inline module script and inline styles: allowed there, and only there.
    /// </summary>
    public const string ReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public const string NoStore = "no-store";

    /// <summary>Adds the headers to every later answer (call before any other middleware) and HSTS outside Development.</summary>
    public static IApplicationBuilder UsePlatformSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(Complete, context);
            return next(context);
        });
        var environment = app.ApplicationServices.GetService<IHostEnvironment>();
        if (environment is not null && !environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    private static Task Complete(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (!headers.ContainsKey(HeaderNames.XContentTypeOptions)) headers.XContentTypeOptions = "nosniff";
        if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "no-referrer";

        if (headers.ContentSecurityPolicy.ToString().Length == 0) headers.ContentSecurityPolicy = PolicyFor(context);
        // The same answer for browsers without frame-ancestors (antiforgery's SAMEORIGIN would be weaker than the CSP).
        if (headers.ContentSecurityPolicy.ToString().Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            headers.XFrameOptions = "DENY";
        }

        if (!headers.ContainsKey(HeaderNames.CacheControl) && CarriesCredentials(context))
        {
            headers.CacheControl = NoStore;
        }
        return Task.CompletedTask;
    }

    private static string PolicyFor(HttpContext context)
    {
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (!html) return ApiContentSecurityPolicy;
        return context.Request.Path.StartsWithSegments(ApiReferenceExtensions.ReferencePath, StringComparison.OrdinalIgnoreCase)
            ? ReferenceContentSecurityPolicy
            : PageContentSecurityPolicy;
    }

    private static bool CarriesCredentials(HttpContext context) =>
        context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        || context.Request.Headers.ContainsKey(HeaderNames.Cookie)
        || context.User.Identity?.IsAuthenticated == true;
}
