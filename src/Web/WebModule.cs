using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Platform.Web.Api;
using Platform.Web.Components;

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
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "platform.antiforgery");
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // The browser talks to the gateway, which forwards with X-Forwarded-Host/-Proto (YARP's defaults). Without them
        // the redirects of form posts (post-redirect-get) would name the web application's own address. The web
        // application is reachable only behind the gateway, so the gateway's headers are taken whatever its address.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        app.UseForwardedHeaders(forwarded);
        // Vietnamese only: numbers 1.234,5 and dates dd/MM/yyyy whatever the browser asks for.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
            RequestCultureProviders = [],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/loi", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/khong-tim-thay");
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
