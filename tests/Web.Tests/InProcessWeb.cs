using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;

namespace Platform.Web.Tests;

/// <summary>
/// The web application itself, in-process (static server rendering, real form posts with antiforgery), its calls answered
/// by <paramref name="gateway"/>: for what bUnit cannot show — HTTP statuses, redirects, multipart uploads.
/// </summary>
public sealed class InProcessWeb(StubGateway gateway) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        builder.ConfigureTestServices(s => s.AddHttpClient<PlatformApi>().ConfigurePrimaryHttpMessageHandler(() => gateway));
    }

    /// <summary>A browser-like client: keeps cookies (antiforgery), does not follow redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The named values a form posts as it stands (hidden fields: antiforgery token, form name, carried values).</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlDocument page, string formTestId) =>
        [.. page.QuerySelectorAll($"form[data-testid='{formTestId}'] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];
}
