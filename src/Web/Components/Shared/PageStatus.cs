using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Platform.Web.Components.Shared;

/// <summary>How the web application's pages answer 403 and 404: with their own explanation, inside the layout.</summary>
public static class PageStatus
{
    /// <summary>
    /// For every request: status-code pages (ServiceDefaults' problem details, meant for APIs) must not replace a page
    /// that explains its own 403; and while they are present Blazor leaves a "not found" to them instead of rendering
    /// the router's not-found page.
    /// </summary>
    public static void LeaveToPage(HttpContext exchange)
    {
        if (exchange.Features.Get<IStatusCodePagesFeature>() is not { } pages) return;
        pages.Enabled = false;
        exchange.Features.Set<IStatusCodePagesFeature>(null);
    }
}
