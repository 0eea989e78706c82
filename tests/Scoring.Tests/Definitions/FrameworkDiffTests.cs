using System.Text.Json;
using Platform.Scoring;
using Platform.Scoring.Definitions;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Catalog;

public sealed class FrameworkDiffTests
{
    private static FrameworkDefinition Monthly => ShippedFrameworks.Catalog.All.Single(f => f.Id == "monthly-4585").Definition;

    [Fact]
    public void A_version_compared_with_itself_has_no_changes() =>
        Assert.Empty(FrameworkDiff.Between(Monthly, Monthly));

    [Fact]
    public void Changed_points_rules_inputs_and_classes_are_said_in_Vietnamese_with_vi_VN_numbers()
    {
        var before = Monthly;
        var json = JsonSerializer.Serialize(before, FrameworkCatalog.Json)
            .Replace("\"min\":85", "\"min\":82.5", StringComparison.Ordinal)
            .Replace("\"max\":18,", "\"max\":1800,", StringComparison.Ordinal);
        var after = FrameworkCatalog.Parse(json) with { Version = "mới", Inputs = [.. before.Inputs.Skip(1)] };

        var changes = FrameworkDiff.Between(before, after);

        Assert.Contains(changes, c => c.Text == "Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 82,5.");
        Assert.Contains(changes, c => c is { Subject: "indicator", Code: "A1", Field: "max", Before: "18", After: "1.800" });
        Assert.Contains(changes, c => c is { Kind: "removed", Subject: "input" } && c.Code == before.Inputs[0].Key);
    }

    [Fact]
    public void Every_shipped_version_written_as_JSON_reads_back_to_the_same_definition()
    {
        foreach (var framework in ShippedFrameworks.Catalog.All)
        {
            var (read, problems) = FrameworkFile.Read(JsonSerializer.Serialize(framework.Definition, FrameworkCatalog.Json));
            Assert.Empty(problems);
            Assert.Empty(FrameworkDiff.Between(framework.Definition, read!.Definition));
        }
    }

    [Fact]
    public void The_first_version_of_a_framework_is_one_change() =>
        Assert.Equal("added", Assert.Single(FrameworkDiff.Between(null, Monthly)).Kind);
}
