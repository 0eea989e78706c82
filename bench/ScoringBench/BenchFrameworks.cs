using Platform.Scoring;

namespace Platform.Bench.ScoringBench;

/// <summary>The shipped framework versions, compiled once per benchmark process.</summary>
internal static class BenchFrameworks
{
    private static readonly Lazy<FrameworkCatalog> Shipped = new(FrameworkCatalog.Shipped);

    public static FrameworkCatalog Catalog => Shipped.Value;
}
