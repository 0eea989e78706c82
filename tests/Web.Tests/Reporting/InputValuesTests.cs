using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

public sealed class InputValuesTests
{
    private static readonly FrameworkVersionView Monthly = ShippedDefinitions.View(MonthlyFramework.Id, "2026-01");

    [Theory]
    [InlineData("A.due", "12", "12")]
    [InlineData("A.due", "1.234", "1234")] // vi-VN: the dot groups thousands
    [InlineData("A.due", "1 234", "1234")]
    [InlineData("C1.records", "12.345.678", "12345678")]
    [InlineData("E3.completion", "0,85", "0.85")]
    [InlineData("E3.completion", "85%", "0.85")]
    [InlineData("E3.completion", "85,5 %", "0.855")]
    [InlineData("E3.completion", "0.85", "0.85")] // a lone dot that groups nothing is a decimal point
    [InlineData("B.B1", "1.234,5", "1234.5")]
    [InlineData("B.B1", "-2,5", "-2.5")]
    [InlineData("E3.onTime", "true", "true")]
    [InlineData("E3.onTime", "false", "false")]
    public void Typed_text_becomes_the_JSON_value_saved(string key, string text, string json)
    {
        var (value, error) = InputValues.Parse(Monthly.Input(key)!, text);

        Assert.Null(error);
        Assert.Equal(json, value!.Value.GetRawText());
    }

    [Theory]
    [InlineData("A.due", "abc")]
    [InlineData("A.due", "1,234.5")] // English grouping is refused rather than guessed
    [InlineData("A.due", "1,2,3")]
    [InlineData("A.due", "85%")] // a count is not a percentage
    [InlineData("E3.completion", "1e3")]
    [InlineData("E3.completion", "0,")]
    public void Text_that_is_no_number_is_refused_in_Vietnamese_with_an_example(string key, string text)
    {
        var input = Monthly.Input(key)!;

        var (value, error) = InputValues.Parse(input, text);

        Assert.Null(value);
        Assert.StartsWith($"{input.Label}: phải là số, viết kiểu Việt Nam (ví dụ ", error, StringComparison.Ordinal);
        Assert.EndsWith($"nhận được “{text}”.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_field_is_not_reported()
    {
        Assert.Equal((null, null), InputValues.Parse(Monthly.Input("A.due")!, "  "));
        Assert.Equal((null, null), InputValues.Parse(Monthly.Input("E3.onTime")!, ""));
    }

    [Theory]
    [InlineData("0.85", "0,85")]
    [InlineData("1234.5", "1.234,5")]
    [InlineData("12345678", "12.345.678")]
    [InlineData("0.123456", "0,123456")]
    public void Stored_numbers_are_shown_in_vi_VN_and_read_back_to_the_same_value(string stored, string shown)
    {
        var value = JsonDocument.Parse(stored).RootElement;

        Assert.Equal(shown, InputValues.FormText(value));
        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture),
            InputValues.Parse(Monthly.Input("B.B1")!, shown).Value!.Value.GetDecimal());
    }

    [Fact]
    public void Other_stored_values_keep_their_form_text()
    {
        Assert.Equal("true", InputValues.FormText(JsonSerializer.SerializeToElement(true)));
        Assert.Equal("standard", InputValues.FormText(JsonSerializer.SerializeToElement("standard")));
    }
}
