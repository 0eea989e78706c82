using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Reporting;

namespace Platform.Web.Tests.Reporting;

public sealed class InputFormTests : BunitContext
{
    private static readonly FrameworkVersionView Monthly = ShippedDefinitions.View(MonthlyFramework.Id, "2026-01");
    private static readonly FrameworkVersionView Nq57 = ShippedDefinitions.View("nq57-self-2026", "2026");

    private IRenderedComponent<InputForm> RenderForm(FrameworkVersionView framework, string[] keys,
        Dictionary<string, string>? values = null, Dictionary<string, JsonElement>? previous = null,
        Dictionary<string, string[]>? errors = null, bool readOnly = false) =>
        Render<InputForm>(p => p
            .Add(f => f.Framework, framework)
            .Add(f => f.AssignedKeys, keys)
            .Add(f => f.Values, values)
            .Add(f => f.PreviousValues, previous)
            .Add(f => f.PreviousPeriod, "2025-12")
            .Add(f => f.Errors, errors)
            .Add(f => f.ReadOnly, readOnly));

    private static IElement Control(IRenderedComponent<InputForm> form, string key) => form.Find($"[data-testid='input-{key}']");

    [Fact]
    public void Only_the_assigned_inputs_are_shown_each_with_its_Vietnamese_label_tied_to_the_control()
    {
        var form = RenderForm(Monthly, ["A.due", "A.onTime", "E3.onTime", "E3.completion"]);

        var fields = form.FindAll(".entry-field");
        Assert.Equal(["A.due", "A.onTime", "E3.onTime", "E3.completion"], fields.Select(f => f.GetAttribute("data-testid")!["field-".Length..]));
        Assert.Empty(form.FindAll("[data-testid='field-B.B1']"));
        Assert.Empty(form.FindAll("[data-testid='field-A.late']"));
        foreach (var key in new[] { "A.due", "A.onTime", "E3.onTime", "E3.completion" })
        {
            var control = Control(form, key);
            var label = form.Find($"label[for='{control.Id}']");
            Assert.Contains(Monthly.Input(key)!.Label, label.TextContent, StringComparison.Ordinal);
            // People read the label; the data code stays in the field's name for the API.
            Assert.DoesNotContain(key, label.TextContent, StringComparison.Ordinal);
            Assert.Equal($"values[{key}]", control.GetAttribute("name"));
        }
        // Grouped as the framework groups them.
        Assert.Equal(["A. Kết quả thực hiện nhiệm vụ được giao", "E. Vai trò người đứng đầu"],
            form.FindAll("legend").Select(l => l.TextContent));
    }

    [Fact]
    public void Numbers_are_text_fields_people_type_in_vi_VN_with_the_range_in_words_and_no_browser_validation()
    {
        var form = RenderForm(Monthly, ["A.due", "A.backlog", "B.B1", "E3.onTime", "E3.completion"]);

        var count = Control(form, "A.due");
        // A browser's number field turns a typed "0,85" into 085 and answers in English: plain text, the service checks.
        Assert.Equal(("text", "numeric", "true"), (count.GetAttribute("type"), count.GetAttribute("inputmode"), count.GetAttribute("aria-required")));
        Assert.Empty(form.FindAll("input[type=number], [required], [min], [max], [pattern]"));
        Assert.Equal("nhiệm vụ", form.Find("[data-testid='field-A.due'] .unit").TextContent);
        Assert.Contains("Số nguyên, không âm.", form.Find("[data-testid='field-A.due']").TextContent, StringComparison.Ordinal);

        // Derived from last month when missing: not required.
        Assert.False(Control(form, "A.backlog").HasAttribute("aria-required"));

        Assert.Equal("decimal", Control(form, "B.B1").GetAttribute("inputmode"));
        Assert.Contains("Từ 0 đến 18", form.Find("[data-testid='field-B.B1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ từ 0 đến 1, viết 0,85 hoặc 85%.", form.Find("[data-testid='field-E3.completion']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_no_input_can_stay_not_reported()
    {
        var empty = RenderForm(Monthly, ["E3.onTime"]);
        var no = RenderForm(Monthly, ["E3.onTime"], values: new() { ["E3.onTime"] = "false" });

        var select = Control(empty, "E3.onTime");
        Assert.Equal("SELECT", select.TagName);
        Assert.Equal([("", "— Chưa báo cáo —"), ("true", "Có"), ("false", "Không")],
            select.QuerySelectorAll("option").Select(o => (o.GetAttribute("value")!, o.TextContent)));
        Assert.Equal("", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("Không", Control(no, "E3.onTime").QuerySelector("option[selected]")!.TextContent);
    }

    [Fact]
    public void A_choice_is_a_select_of_the_definitions_options_with_an_empty_first_option()
    {
        var input = Nq57.Input("A.I.1.1")!;
        var form = RenderForm(Nq57, ["A.I.1.1"], values: new() { ["A.I.1.1"] = input.Options!.Keys.Last() });

        var select = Control(form, "A.I.1.1");
        Assert.Equal("SELECT", select.TagName);
        Assert.Equal("true", select.GetAttribute("aria-required"));
        var options = select.QuerySelectorAll("option");
        Assert.Equal(["", .. input.Options.Keys], options.Select(o => o.GetAttribute("value")));
        Assert.Equal(input.Options.Values.Last(), select.QuerySelector("option[selected]")!.TextContent);
        // The indicator's evidence guidance stands next to the input.
        Assert.Contains("Minh chứng:", form.Find("[data-testid='field-A.I.1.1'] .evidence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_values_fill_the_controls_and_help_and_evidence_guidance_are_shown()
    {
        var form = RenderForm(Monthly, ["A.due", "A.backlog", "E3.onTime"], values: new() { ["A.due"] = "1.234", ["E3.onTime"] = "true" });

        Assert.Equal("1.234", Control(form, "A.due").GetAttribute("value"));
        Assert.Equal("Có", Control(form, "E3.onTime").QuerySelector("option[selected]")!.TextContent);
        Assert.Equal("Minh chứng: Số liệu Hệ thống 57", form.Find("[data-testid='field-A.due'] .evidence").TextContent);
        var help = form.Find("[data-testid='field-A.backlog'] .help");
        Assert.StartsWith("Nếu không báo cáo, lấy từ tháng trước", help.TextContent, StringComparison.Ordinal);
        Assert.Contains(help.Id!, Control(form, "A.backlog").GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public void Last_periods_values_are_shown_beside_each_input_in_Vietnamese_format()
    {
        var form = RenderForm(Monthly, ["C1.records", "E3.completion", "E3.onTime", "A.due"], previous: new()
        {
            ["C1.records"] = JsonSerializer.SerializeToElement(1234567),
            ["E3.completion"] = JsonSerializer.SerializeToElement(0.855m),
            ["E3.onTime"] = JsonSerializer.SerializeToElement(true),
        });

        Assert.Equal("Kỳ trước (tháng 12/2025): 1.234.567", Squash(form.Find("[data-testid='previous-C1.records']").TextContent));
        Assert.Equal("Kỳ trước (tháng 12/2025): 0,855 (85,5%)", Squash(form.Find("[data-testid='previous-E3.completion']").TextContent));
        Assert.Equal("Kỳ trước (tháng 12/2025): Có", Squash(form.Find("[data-testid='previous-E3.onTime']").TextContent));
        Assert.Empty(form.FindAll("[data-testid='previous-A.due']"));
        var records = Control(form, "C1.records");
        Assert.Contains(form.Find("[data-testid='previous-C1.records']").Id!, records.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public void The_services_messages_stand_next_to_their_field_with_aria_invalid_and_describedby()
    {
        const string message = "Số nhiệm vụ hoàn thành đúng hạn trong tháng: phải là số nguyên không âm (nhận được -1).";
        var form = RenderForm(Monthly, ["A.due", "A.onTime"], values: new() { ["A.onTime"] = "-1" },
            errors: new() { ["A.onTime"] = [message], ["values"] = ["không thuộc ô nào"] });

        var control = Control(form, "A.onTime");
        Assert.Equal("true", control.GetAttribute("aria-invalid"));
        var describedBy = control.GetAttribute("aria-describedby")!.Split(' ');
        var error = form.Find("[data-testid='field-A.onTime'] .error");
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Equal(error.Id, describedBy[0]);
        Assert.Equal("-1", control.GetAttribute("value"));

        var other = Control(form, "A.due");
        Assert.False(other.HasAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("[data-testid='field-A.due'] .error"));
        // The summary links to the field; a message for no field on the form is left to the page.
        var link = form.Find("[data-testid=field-errors] a");
        Assert.Equal("#" + control.Id, link.GetAttribute("href"));
        Assert.DoesNotContain("không thuộc ô nào", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handed_in_report_is_shown_read_only()
    {
        var form = RenderForm(Monthly, ["A.due", "E3.onTime"], values: new() { ["A.due"] = "3" }, readOnly: true);

        Assert.All(form.FindAll("input, select"), e => Assert.True(e.HasAttribute("disabled")));
        Assert.Empty(form.FindAll(".required"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
