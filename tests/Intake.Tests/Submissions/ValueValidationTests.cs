using Platform.TestSupport;
using System.Text.Json;
using Platform.Intake.Submissions;
using Platform.Scoring;

namespace Platform.Intake.Tests.Submissions;

/// <summary>What intake says about values, before anything is stored: every problem at once, inputs named by their labels.</summary>
public sealed class ValueValidationTests
{
    private static Dictionary<string, string[]> Validate(string framework, string period, string json) =>
        ValueValidation.Validate(ShippedFrameworks.Catalog.Find(framework, null, period)!, period, "lao-cai",
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!);

    [Fact]
    public void DTI_3_5_with_more_systems_on_the_data_centre_than_the_province_has_is_refused_naming_both_inputs()
    {
        var errors = Validate("dti-province-405", "2025", """{"3.5.dc": "none", "3.5.a": 6, "3.5.b": 4}""");

        var (key, messages) = Assert.Single(errors);
        Assert.Equal("3.5.a", key);
        Assert.Equal(
            ["“Số lượng hệ thống thông tin dùng chung có sử dụng dịch vụ điện toán đám mây của Trung tâm dữ liệu” không được lớn hơn "
             + "“Tổng số hệ thống thông tin dùng chung của Tỉnh”."],
            messages);
    }

    [Fact]
    public void DTI_3_5_refusal_comes_with_the_other_problems_of_the_same_values()
    {
        // 3.5.a > 3.5.b, text in a count and an unknown option, all told at once.
        var errors = Validate("dti-province-405", "2025", """{"3.5.dc": "cloud", "3.5.a": 6, "3.5.b": 4, "3.6.a": "bảy"}""");

        Assert.Equal(["3.5.a", "3.5.dc", "3.6.a"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Triển khai Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây: phải là một trong: standard, nonstandard, none",
            errors["3.5.dc"][0], StringComparison.Ordinal);
        Assert.StartsWith("Số lượng nền tảng số đã triển khai (trong danh mục 7 nền tảng yêu cầu): phải là số", errors["3.6.a"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void DTI_3_5_with_as_many_systems_as_the_province_has_is_accepted() =>
        Assert.Empty(Validate("dti-province-405", "2025", """{"3.5.dc": "standard", "3.5.a": 4, "3.5.b": 4}"""));

    [Fact]
    public void No_message_quotes_a_formula()
    {
        var errors = Validate("monthly-4585", "2026-01",
            """{"A.due": 4, "A.onTime": 5, "D1.accepted": 3, "D1.total": 2, "E1.attended": 4, "E1.held": 1}""");

        Assert.Equal(["A.onTime", "D1.accepted", "E1.attended"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.DoesNotMatch("[≤≥+<>=]|onTime|backlog|accepted|attended|held", m));
    }
}
