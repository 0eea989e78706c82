using System.Text.Json;
using Platform.Scoring;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

public sealed class InputValuesTests
{
    private static readonly Scoring.Engine.CompiledFramework Monthly = FrameworkCatalog.Default.Find("monthly-4585", null, "2026-01")!;

    [Theory]
    [InlineData("A.due", "12", "12")]
    [InlineData("E3.completion", "0.85", "0.85")]
    [InlineData("E3.completion", "0,85", "0.85")] // typed without the browser's number field: a lone comma is a decimal comma
    [InlineData("E3.onTime", "true", "true")]
    [InlineData("E3.onTime", "false", "false")]
    public void Posted_text_becomes_the_JSON_value_saved(string key, string text, string json)
    {
        var (value, error) = InputValues.Parse(Monthly.Slots[key].Input, text);

        Assert.Null(error);
        Assert.Equal(json, value!.Value.GetRawText());
    }

    [Fact]
    public void An_empty_field_is_not_reported_and_text_that_is_no_number_is_refused_in_Vietnamese()
    {
        var input = Monthly.Slots["A.due"].Input;

        Assert.Equal((null, null), InputValues.Parse(input, "  "));
        Assert.Equal($"{input.Label}: phải là số (nhận được '1.234,5').", InputValues.Parse(input, "1.234,5").Error);
    }

    [Fact]
    public void Stored_values_round_trip_through_the_form_text()
    {
        Assert.Equal("0.85", InputValues.FormText(JsonSerializer.SerializeToElement(0.85m)));
        Assert.Equal("true", InputValues.FormText(JsonSerializer.SerializeToElement(true)));
        Assert.Equal("standard", InputValues.FormText(JsonSerializer.SerializeToElement("standard")));
    }
}
