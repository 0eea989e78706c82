using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.DefinitionChecks;

/// <summary>The loader rejects a broken framework definition, listing every problem in Vietnamese with where it is.</summary>
public sealed class DefinitionValidationTests
{
    private const string LevelInput = """[{ "key": "level", "label": "Mức độ", "type": "choice", "options": { "A": "Loại A", "B": "Loại B" } }]""";

    private static IReadOnlyList<string> Problems(string json) =>
        Assert.Throws<FrameworkDefinitionException>(() => CompiledFramework.Compile(FrameworkCatalog.Parse(json))).Problems;

    private static string OneIndicator(string rule, decimal max = 10) => $$"""
        [{ "code": "G", "name": "Nhóm", "max": {{max}}, "indicators": [ { "code": "G1", "name": "Chỉ tiêu", "max": {{max}}, "rule": {{rule}} } ] }]
        """;

    [Fact]
    public void The_default_test_definition_is_valid()
    {
        var framework = CompiledFramework.Compile(FrameworkCatalog.Parse(DefinitionJson.Build()));

        Assert.Equal(["G1"], framework.Indicators.Select(i => i.Code));
    }

    [Fact]
    public void A_check_told_against_an_input_its_rule_does_not_read_is_rejected()
    {
        // Told against b while reading only a: a wrong b would not skip the check, and the problem would sit on the wrong input.
        var json = DefinitionJson.Build(
            inputs: """[{ "key": "a", "label": "Tỷ lệ", "type": "fraction" }, { "key": "b", "label": "Số", "type": "count" }]""",
            extra: """ "checks": [ { "key": "b", "message": "“Tỷ lệ” không được vượt quá 0,5", "rule": { "atMost": [ "a", 0.5 ] } } ], """);

        Assert.Equal(["kiểm tra \"“Tỷ lệ” không được vượt quá 0,5\": lỗi được báo cho chỉ số đầu vào \"b\" nhưng quy tắc không đọc chỉ số này"], Problems(json));
    }

    [Theory]
    [InlineData("""{ "op": "cap", "atMost": { "op": "share", "of": 0.5 } }""", "G1.rule: thiếu \"value\"")]
    [InlineData("""{ "op": "cap", "value": "a" }""", "G1.rule: thiếu \"atMost\"")]
    public void A_cap_without_its_value_or_its_bound_is_rejected(string rule, string problem) =>
        Assert.Equal([problem], Problems(DefinitionJson.Build(groups: OneIndicator(rule))));

    [Fact]
    public void Indicator_maxima_that_do_not_add_up_to_their_group_are_rejected()
    {
        // G holds 10 but its indicators 6 + 3 = 9.
        var json = DefinitionJson.Build(groups: """
            [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
                { "code": "G1", "name": "Một", "max": 6, "rule": { "op": "linear", "value": "a" } },
                { "code": "G2", "name": "Hai", "max": 3, "rule": { "op": "linear", "value": "a" } } ] }]
            """);

        Assert.Equal(["nhóm G: tổng điểm tối đa của các thành phần là 9, khác 10"], Problems(json));
    }

    [Fact]
    public void Sub_group_maxima_that_do_not_add_up_to_their_pillar_are_rejected()
    {
        // Pillar P holds 10 but its sub-groups 5 + 4 = 9 (each sub-group itself adds up).
        var json = DefinitionJson.Build(groups: """
            [{ "code": "P", "name": "Trụ cột", "max": 10, "groups": [
                { "code": "P.1", "name": "Một", "max": 5, "indicators": [ { "code": "P.1.1", "name": "Một", "max": 5, "rule": { "op": "linear", "value": "a" } } ] },
                { "code": "P.2", "name": "Hai", "max": 4, "indicators": [ { "code": "P.2.1", "name": "Hai", "max": 4, "rule": { "op": "linear", "value": "a" } } ] } ] }]
            """);

        Assert.Equal(["nhóm P: tổng điểm tối đa của các thành phần là 9, khác 10"], Problems(json));
    }

    [Fact]
    public void An_indicator_sharing_its_siblings_points_does_not_count_towards_the_group_maximum()
    {
        // As monthly A2 (9 inside A1's 18): G = G1 (10) only; G2's 5 lie within G1's.
        var json = DefinitionJson.Build(groups: """
            [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
                { "code": "G1", "name": "Một", "max": 10, "rule": { "op": "linear", "value": "a" } },
                { "code": "G2", "name": "Hai", "max": 5, "sharesParentMax": true, "rule": { "op": "linear", "value": "a" } } ] }]
            """);

        Assert.Equal(2, CompiledFramework.Compile(FrameworkCatalog.Parse(json)).Indicators.Count);
    }

    [Fact]
    public void Pillars_that_do_not_add_up_to_the_framework_maximum_are_rejected()
    {
        // One pillar of 10 in a framework of 100.
        Assert.Equal(["tổng điểm tối đa của các nhóm là 10, khác 100"], Problems(DefinitionJson.Build(maxPoints: 100)));
    }

    [Fact]
    public void The_bonus_counts_towards_the_framework_maximum()
    {
        // 10 from the pillar + 5 bonus = 15 ≠ 10.
        var json = DefinitionJson.Build(extra: """ "bonus": { "min": 1, "max": 5 }, """);

        Assert.Equal(["tổng điểm tối đa của các nhóm và điểm thưởng là 15, khác 10"], Problems(json));
        Assert.NotNull(CompiledFramework.Compile(FrameworkCatalog.Parse(DefinitionJson.Build(maxPoints: 15, extra: """ "bonus": { "min": 1, "max": 5 }, """))));
    }

    [Fact]
    public void A_rule_using_an_unknown_input_is_rejected()
    {
        var problems = Problems(DefinitionJson.Build(groups: OneIndicator("""{ "op": "linear", "value": "b" }""")));

        Assert.Equal(["G1.rule.value: quy tắc dùng chỉ số đầu vào không tồn tại \"b\""], problems);
    }

    [Fact]
    public void An_unknown_input_deep_in_a_ratio_is_reported_with_its_path()
    {
        var problems = Problems(DefinitionJson.Build(groups: OneIndicator("""{ "op": "linear", "num": "a", "den": { "op": "sum", "of": ["a", "c"] } }""")));

        Assert.Contains("G1.rule.den.of[1]: quy tắc dùng chỉ số đầu vào không tồn tại \"c\"", problems);
    }

    [Fact]
    public void Duplicate_indicator_codes_are_rejected()
    {
        var json = DefinitionJson.Build(groups: """
            [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
                { "code": "G1", "name": "Một", "max": 5, "rule": { "op": "linear", "value": "a" } },
                { "code": "G1", "name": "Hai", "max": 5, "rule": { "op": "linear", "value": "a" } } ] }]
            """);

        Assert.Equal(["mã \"G1\" trùng"], Problems(json));
    }

    [Fact]
    public void Duplicate_input_keys_are_rejected()
    {
        var json = DefinitionJson.Build(inputs: """[{ "key": "a", "label": "Một", "type": "fraction" }, { "key": "a", "label": "Hai", "type": "count" }]""");

        Assert.Equal(["chỉ số đầu vào \"a\" khai báo hai lần"], Problems(json));
    }

    [Fact]
    public void An_unknown_rule_operation_is_rejected()
    {
        var problems = Problems(DefinitionJson.Build(groups: OneIndicator("""{ "op": "pow", "of": ["a", 2] }""")));

        Assert.Equal(["G1.rule: phép \"pow\" không có trong bộ quy tắc"], problems);
    }

    [Fact]
    public void A_choice_rule_giving_points_to_an_option_the_input_does_not_have_is_rejected()
    {
        var json = DefinitionJson.Build(inputs: LevelInput, groups: OneIndicator("""{ "op": "choice", "input": "level", "points": { "A": 10, "B": 5, "C": 2 } }"""));

        Assert.Equal(["G1.rule.points: \"C\" không phải lựa chọn của level"], Problems(json));
    }

    [Fact]
    public void A_choice_rule_that_leaves_an_option_without_points_is_rejected()
    {
        var json = DefinitionJson.Build(inputs: LevelInput, groups: OneIndicator("""{ "op": "choice", "input": "level", "points": { "A": 10 } }"""));

        Assert.Equal(["G1.rule: lựa chọn \"B\" của level chưa có điểm"], Problems(json));
    }

    [Fact]
    public void A_condition_on_an_option_the_input_does_not_have_is_rejected()
    {
        var json = DefinitionJson.Build(inputs: LevelInput, groups: OneIndicator("""{ "op": "when", "cond": { "is": ["level", "C"] } }"""));

        Assert.Equal(["G1.rule.cond.is: \"C\" không phải lựa chọn của level"], Problems(json));
    }

    [Fact]
    public void A_variant_that_is_not_defined_is_rejected()
    {
        var json = DefinitionJson.Build(groups: """
            [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [ { "code": "G1", "name": "Một", "max": 10, "variant": "table",
                "variants": { "text": { "op": "linear", "value": "a" } } } ] }]
            """);

        Assert.Contains("G1: biến thể \"table\" không có trong \"variants\"", Problems(json));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_the_message_names_the_framework_and_version()
    {
        var json = DefinitionJson.Build(
            inputs: """[{ "key": "a", "label": "Một", "type": "fraction" }, { "key": "a", "label": "Hai", "type": "percent" }]""",
            groups: OneIndicator("""{ "op": "pow", "of": ["a", 2] }""", max: 8));

        var ex = Assert.Throws<FrameworkDefinitionException>(() => CompiledFramework.Compile(FrameworkCatalog.Parse(json)));

        Assert.Equal(
            [
                "chỉ số đầu vào \"a\" khai báo hai lần",
                "chỉ số đầu vào \"a\": kiểu \"percent\" không hợp lệ",
                "G1.rule: phép \"pow\" không có trong bộ quy tắc",
                "tổng điểm tối đa của các nhóm là 8, khác 10",
            ],
            ex.Problems);
        Assert.StartsWith("Định nghĩa khung thu (v1) không hợp lệ: chỉ số đầu vào \"a\" khai báo hai lần; ", ex.Message, StringComparison.Ordinal);
    }
}
