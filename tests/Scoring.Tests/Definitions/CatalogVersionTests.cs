using Platform.TestSupport;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.DefinitionChecks;

/// <summary>Versions of one framework never overlap in time, and every period is scored under the version in force for it.</summary>
public sealed class CatalogVersionTests
{
    // v1 scores G1 = a × 10 (linear); v2 changes the rule to a threshold: a ≥ 0.5 → 10, else 0.
    private static readonly string V1 = DefinitionJson.Build(version: "v1", effectiveFrom: "2025-01", effectiveTo: "2025-12");

    private static readonly string V2 = DefinitionJson.Build(version: "v2", effectiveFrom: "2026-01", groups: """
        [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
            { "code": "G1", "name": "Chỉ tiêu", "max": 10, "rule": { "op": "threshold", "value": "a", "atLeast": 0.5 } } ] }]
        """);

    private static FrameworkCatalog Catalog(params string[] definitions) => new(definitions.Select(FrameworkCatalog.Parse));

    [Theory]
    [InlineData("v1", "2025-01", "2025-12", "v2", "2025-06", null)]     // v2 starts inside v1
    [InlineData("v1", "2025-01", null, "v2", "2026-01", null)]           // v1 never ends, so v2 overlaps it
    [InlineData("v1", "2025-01", "2025-12", "v2", "2025-12", "2026-06")] // sharing one month is an overlap
    [InlineData("v1", "2025", "2025", "v2", "2025-07", null)]            // a yearly bound covers all its months
    public void Overlapping_versions_of_one_framework_are_rejected(string v1, string from1, string? to1, string v2, string from2, string? to2)
    {
        var ex = Assert.Throws<FrameworkDefinitionException>(() => Catalog(
            DefinitionJson.Build(version: v1, effectiveFrom: from1, effectiveTo: to1),
            DefinitionJson.Build(version: v2, effectiveFrom: from2, effectiveTo: to2)));

        Assert.Equal(["thu: hiệu lực của phiên bản \"v1\" và \"v2\" chồng lên nhau"], ex.Problems);
        Assert.StartsWith("Định nghĩa khung catalogue không hợp lệ: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_of_different_frameworks_may_share_a_period()
    {
        var catalog = Catalog(DefinitionJson.Build(id: "mot"), DefinitionJson.Build(id: "hai"));

        Assert.Equal(2, catalog.All.Count);
    }

    [Fact]
    public void A_broken_definition_in_a_catalogue_is_reported_with_its_framework_and_version()
    {
        var broken = DefinitionJson.Build(id: "hong", version: "v9", groups: """
            [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [ { "code": "G1", "name": "Một", "max": 10, "rule": { "op": "pow" } } ] }]
            """);

        var ex = Assert.Throws<FrameworkDefinitionException>(() => Catalog(V1, broken));

        Assert.Equal(["Định nghĩa khung hong (v9) không hợp lệ: G1.rule: phép \"pow\" không có trong bộ quy tắc"], ex.Problems);
    }

    [Theory]
    [InlineData("2025-01", "v1")]
    [InlineData("2025-12", "v1")] // v1's last month
    [InlineData("2026-01", "v2")] // v2's first month
    [InlineData("2031-07", "v2")] // v2 is still in force
    [InlineData("2024-12", null)] // before any version
    public void The_catalogue_finds_the_version_in_force_for_a_period(string period, string? version)
    {
        var catalog = Catalog(V2, V1);

        Assert.Equal(version, catalog.Find("thu", null, period)?.Version);
    }

    [Fact]
    public void A_version_asked_for_by_name_is_found_whatever_the_period()
    {
        var catalog = Catalog(V1, V2);

        Assert.Equal("v1", catalog.Find("thu", "v1", "2026-05")?.Version);
        Assert.Null(catalog.Find("thu", "v3", "2026-05"));
        Assert.Null(catalog.Find("khac", null, "2026-05"));
    }

    [Fact]
    public void An_old_period_is_recomputed_under_the_old_version_after_a_new_one_is_added()
    {
        // a = 0.4. Under v1: 0.4 × 10 = 4. Under v2: 0.4 < 0.5 → 0.
        var unit = new UnitValues("u", new Dictionary<string, object> { ["a"] = 0.4m });
        var before = Catalog(V1);
        var after = Catalog(V1, V2);

        var original = new Scorer(before.Find("thu", null, "2025-06")!).Score(new ScoringRequest("2025-06", null, [unit]));
        var recomputed = new Scorer(after.Find("thu", null, "2025-06")!).Score(new ScoringRequest("2025-06", null, [unit]));
        var current = new Scorer(after.Find("thu", null, "2026-02")!).Score(new ScoringRequest("2026-02", null, [unit]));

        Assert.Equal(4m, original.Results[0].Total);
        Assert.Equal("v1", recomputed.Framework.Version);
        Assert.Equal(Io.ScoringRunJson.WriteToString(original), Io.ScoringRunJson.WriteToString(recomputed));
        Assert.Equal("v2", current.Framework.Version);
        Assert.Equal(0m, current.Results[0].Total);
    }

    [Fact]
    public void The_shipped_monthly_framework_is_in_force_from_January_2026()
    {
        Assert.Equal("4585/QĐ-BKHCN (30/12/2025)", ShippedFrameworks.Catalog.Find("monthly-4585", null, "2026-01")?.Version);
        Assert.Null(ShippedFrameworks.Catalog.Find("monthly-4585", null, "2025-12"));
    }
}
