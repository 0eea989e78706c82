using System.Text.Json.Nodes;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Dti;

/// <summary>
/// 3.5 (30 points), seed 004: "Đã triển khai Trung tâm dữ liệu … đạt tiêu chuẩn: 1/2 × Điểm tối đa; chưa đạt tiêu chuẩn:
/// 1/4 × Điểm tối đa; chưa triển khai: 0" plus "a = số hệ thống thông tin dùng chung có sử dụng dịch vụ điện toán đám mây
/// của Trung tâm dữ liệu; b = tổng số hệ thống thông tin dùng chung của Tỉnh; Điểm = Tỷ lệ × 1/2 × Điểm tối đa".
/// a counts some of the b systems, so a ≤ b: a > b is refused at intake, and the engine never lets the ratio part go over
/// its ½ × 30 = 15 points (frameworks.md §2).
/// </summary>
public sealed class DtiDataCentreRatioTests
{
    private const string Message =
        "“Số lượng hệ thống thông tin dùng chung có sử dụng dịch vụ điện toán đám mây của Trung tâm dữ liệu” không được lớn hơn "
        + "“Tổng số hệ thống thông tin dùng chung của Tỉnh”";

    private static IReadOnlyList<ScoringProblem> Validate(string pairs) =>
        new Scorer(DtiRequests.Framework).Validate(new ScoringRequest(DtiRequests.Period, "provinces", [DtiRequests.Unit("vinh-long", pairs)]));

    [Theory]
    [InlineData("3.5.dc=none; 3.5.a=6; 3.5.b=4")] // 6 systems on the data centre out of 4: impossible
    [InlineData("3.5.dc=standard; 3.5.a=5; 3.5.b=4")]
    [InlineData("3.5.dc=standard; 3.5.a=1; 3.5.b=0")] // 1 > 0, even though the ratio itself is undefined
    public void More_systems_on_the_data_centre_than_the_province_has_are_refused_naming_both_inputs_by_label(string pairs)
    {
        var problem = Assert.Single(Validate(pairs));

        Assert.Equal(new ScoringProblem("vinh-long", "3.5.a", Message), problem);
        Assert.DoesNotContain("3.5.b", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.5.dc=none; 3.5.a=4; 3.5.b=4")] // a = b: every shared system uses the data centre
    [InlineData("3.5.dc=none; 3.5.a=0; 3.5.b=0")]
    [InlineData("3.5.dc=none; 3.5.a=6")] // b not reported yet: nothing to compare with (3.5 scores 0, missing)
    public void As_many_systems_as_the_province_has_or_fewer_are_accepted(string pairs) =>
        Assert.Empty(Validate(pairs));

    [Theory]
    // dc = none: 0; ratio part 6/4 × ½ × 30 = 22.5, held to ½ × 30 = 15 (the issue saw 22.5 of 30).
    [InlineData("3.5.dc=none; 3.5.a=6; 3.5.b=4", "15")]
    // nonstandard: ¼ × 30 = 7.5; ratio part 5/4 × 15 = 18.75 → 15; 7.5 + 15 = 22.5 (not 26.25).
    [InlineData("3.5.dc=nonstandard; 3.5.a=5; 3.5.b=4", "22.5")]
    // standard: 15; ratio part 8/4 × 15 = 30 → 15; 15 + 15 = 30 (not 45 clamped to 30).
    [InlineData("3.5.dc=standard; 3.5.a=8; 3.5.b=4", "30")]
    public void The_engine_holds_the_ratio_part_to_its_half_of_the_maximum_and_flags_it(string pairs, string expected)
    {
        // Scored by a copy of the definition without the intake check, as values that slipped past it would be.
        var scored = new Scorer(WithoutChecks).Score(new ScoringRequest(DtiRequests.Period, "provinces", [DtiRequests.Unit("vinh-long", pairs)]))
            .Results.Single().Indicators.Single(i => i.Code == "3.5");
        // The shipped definition refuses the values, but its explanation shows the same working.
        var explained = new Scorer(DtiRequests.Framework).Explain(
            new ScoringRequest(DtiRequests.Period, "provinces", [DtiRequests.Unit("vinh-long", pairs)]), "vinh-long", "3.5");

        Assert.Equal((DtiRequests.Dec(expected), "clamped"), (scored.Score, scored.FlagNames()));
        Assert.Equal(scored, explained.Score);
        Assert.Contains(explained.Steps, s => s.EndsWith("giữ ở 15", StringComparison.Ordinal));
        Assert.StartsWith("(3.5.dc: ", explained.Rule, StringComparison.Ordinal);
        Assert.EndsWith("min(3.5.a / 3.5.b × 0.5 × max, 0.5 × max))", explained.Rule, StringComparison.Ordinal);
    }

    [Theory]
    // Below the cap nothing changes: standard 15 + 3/4 × 15 = 15 + 11.25 = 26.25; none 0 + 4/4 × 15 = 15.
    [InlineData("3.5.dc=standard; 3.5.a=3; 3.5.b=4", "26.25")]
    [InlineData("3.5.dc=none; 3.5.a=4; 3.5.b=4", "15")]
    // 1/3 × 15 = 5 exactly: the ratio is still divided last.
    [InlineData("3.5.dc=none; 3.5.a=1; 3.5.b=3", "5")]
    public void Ratios_up_to_one_score_as_before_without_a_flag(string pairs, string expected)
    {
        var score = DtiRequests.Indicator("3.5", pairs);

        Assert.Equal((DtiRequests.Dec(expected), ""), (score.Score, score.FlagNames()));
    }

    private static CompiledFramework WithoutChecks { get; } = Load();

    private static CompiledFramework Load()
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream("Platform.Scoring.Frameworks.dti-province-405.json")!;
        var json = JsonNode.Parse(stream)!.AsObject();
        Assert.True(json.Remove("checks"));
        return CompiledFramework.Compile(FrameworkCatalog.Parse(json.ToJsonString()));
    }
}
