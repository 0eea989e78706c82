using Platform.Scoring;

namespace Platform.TestSupport;

/// <summary>The shipped framework versions, compiled once per test process (services get theirs injected).</summary>
public static class ShippedFrameworks
{
    private static readonly Lazy<FrameworkCatalog> Shipped = new(FrameworkCatalog.Shipped);

    public static FrameworkCatalog Catalog => Shipped.Value;
}
