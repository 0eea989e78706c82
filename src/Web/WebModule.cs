using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Platform.Web.Api;
using Platform.Web.Components;
using Platform.Web.Components.Shared;

namespace Platform.Web;

/// <summary>
/// The web application people open: Blazor components rendered on the server, served behind the gateway under
/// <c>/</c>. It holds no tokens: every call to a service goes through the gateway with the browser's session
/// cookie (<see cref="PlatformApi"/>), so the gateway attaches and refreshes the user's access token.
/// </summary>
public static class WebModule
{
    public const string ServiceName = "web";

    /// <summary>The gateway, found by service discovery (<c>services__gateway__http__0</c>).</summary>
    public const string GatewayAddress = "http://gateway";

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<PlatformApi>(client =>
        {
            client.BaseAddress = new Uri(builder.Configuration["Web:GatewayAddress"] is { Length: > 0 } address ? address : GatewayAddress);
            client.Timeout = TimeSpan.FromSeconds(60);
        });
        builder.Services.AddScoped<CurrentUser>();
        // Framework definitions from intake, kept briefly for everyone (FrameworkCache.Lifetime).
        builder.Services.AddSingleton<FrameworkCache>();
        builder.Services.AddScoped<FrameworkClient>();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "platform.antiforgery");
        builder.AddWebDataProtection();
        // Redirects (post-redirect-get, sign-in) are absolute: they must name the gateway's address, which the gateway
        // passes in X-Forwarded-Host/Proto, not this process's own. Only the gateway can reach the web application.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    private static readonly RenderFragment NotFoundContent = builder =>
    {
        builder.OpenComponent<Components.Pages.NotFound>(0);
        builder.CloseComponent();
    };

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Vietnamese only: numbers 1.234,5 and dates dd/MM/yyyy whatever the browser asks for.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
            RequestCultureProviders = [],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/loi", createScopeForErrors: true);
        // Pages are their own answers: one that answers 403 or 404 explains why itself, inside the layout. ServiceDefaults'
        // status-code pages (problem details for APIs) stay out, and Blazor renders such a page in full.
        app.Use((context, next) =>
        {
            PageStatus.LeaveToPage(context);
            return next(context);
        });
        app.UseAntiforgery();
        // Every page and asset is open here: the web application holds no token, people sign in at the gateway and each
        // page asks the gateway (with the session cookie) for what it shows. Said explicitly, since ServiceDefaults'
        // fallback authorization policy would otherwise ask for a bearer token.
        app.MapStaticAssets().AllowAnonymous();
        // No CSP of Blazor's own (frame-ancestors 'self' alone): ServiceDefaults' page policy (frame-ancestors 'none', own
        // scripts only) then applies to every page, as the gateway's does.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).AllowAnonymous();
        // An address no page answers: the "not found" page inside the layout (which knows who is signed in), HTTP 404.
        app.MapFallback(() => new RazorComponentResult<App>(new { Content = NotFoundContent }) { StatusCode = StatusCodes.Status404NotFound })
            .AllowAnonymous();
        return app;
    }
}
