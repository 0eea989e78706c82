using Platform.Scoring;

namespace Platform.Web.Formatting;

// Temporary, until the web app reads framework definitions from intake over HTTP (issue 14).
internal static class ShippedFrameworks
{
    private static readonly Lazy<FrameworkCatalog> Shipped = new(FrameworkCatalog.Shipped);

    public static FrameworkCatalog Catalog => Shipped.Value;
}
