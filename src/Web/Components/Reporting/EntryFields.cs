using System.Text;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Reporting;

/// <summary>One input on the data entry form, with what the definition says about it.</summary>
/// <param name="Source">Catalogue frameworks (QĐ 2244): where the value comes from and which year it refers to.</param>
public sealed record EntryField(InputDefinition Input, IReadOnlyList<string> Evidence, bool Required, string? Source = null)
{
    public string Key => Input.Key;

    /// <summary>The element id: input keys hold dots, which CSS selectors and fragment links would have to escape.</summary>
    public string Id => "input-" + Slug(Key);

    /// <summary>The form field name the page reads back.</summary>
    public string Name => FieldName(Key);

    public static string FieldName(string key) => $"values[{key}]";

    public static string Slug(string key)
    {
        var slug = new StringBuilder(key.Length);
        foreach (var c in key) slug.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        return slug.ToString();
    }
}

/// <summary>The inputs of one top-level group of the framework (a fieldset on the form).</summary>
public sealed record EntryGroup(string Title, IReadOnlyList<EntryField> Fields);

/// <summary>Lays the framework definition out as a form: only the assigned inputs, grouped as the framework groups them.</summary>
public static class EntryFields
{
    public const string OtherGroup = "Thông tin bổ sung";

    public static IReadOnlyList<EntryGroup> Build(FrameworkVersionView framework, IEnumerable<string> assignedKeys)
    {
        var assigned = assignedKeys.ToHashSet(StringComparer.Ordinal);
        var indicators = framework.Definition.Indicators().ToDictionary(i => i.Indicator.Code, StringComparer.Ordinal);
        var groups = new List<(string Title, List<EntryField> Fields)>();
        foreach (var input in framework.Definition.Inputs.Where(i => assigned.Contains(i.Key)))
        {
            var users = framework.UsersOf(input.Key).Where(indicators.ContainsKey).Select(code => indicators[code]).ToList();
            var title = users.Count == 0 ? OtherGroup : Title(users[0].TopGroup);
            var evidence = users.Select(u => u.Indicator.Evidence).OfType<string>()
                .Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var source = users.Select(u => u.Indicator).FirstOrDefault(i => i.SourceType is not null) is { } catalogued ? SourceNote(catalogued) : null;
            var field = new EntryField(input, evidence, Required: input.Type != "boolean" && input.WhenMissing is null, source);
            var group = groups.FindIndex(g => g.Title == title);
            if (group < 0) groups.Add((title, [field]));
            else groups[group].Fields.Add(field);
        }
        // Groups in the framework's order, the inputs no indicator uses last.
        var order = framework.Definition.Groups.Select(Title).ToList();
        return groups
            .OrderBy(g => order.IndexOf(g.Title) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => new EntryGroup(g.Title, g.Fields)).ToList();
    }

    /// <summary>The allowed range the definition and the input's type imply (counts and amounts are never negative, ratios 0..1).</summary>
    public static (decimal? Min, decimal? Max) Range(InputDefinition input) => input.Type switch
    {
        "count" or "amount" => (input.Min ?? 0, input.Max),
        "fraction" => (Math.Max(input.Min ?? 0, 0), Math.Min(input.Max ?? 1, 1)),
        _ => (input.Min, input.Max),
    };

    /// <summary>A Vietnamese sentence about the allowed values and how to write them, next to the help text.</summary>
    public static string? RangeHint(InputDefinition input)
    {
        var (min, max) = Range(input);
        return input.Type switch
        {
            "count" => max is null ? "Số nguyên, không âm." : $"Số nguyên từ {Vn.Number(min, 4)} đến {Vn.Number(max, 4)}.",
            "fraction" => "Tỷ lệ từ 0 đến 1, viết 0,85 hoặc 85%.",
            "amount" => "Số không âm; phần thập phân sau dấu phẩy (ví dụ 1.234,5).",
            "score" when min is not null && max is not null => $"Từ {Vn.Number(min, 4)} đến {Vn.Number(max, 4)}; phần thập phân sau dấu phẩy.",
            "score" when min is not null => $"Từ {Vn.Number(min, 4)} trở lên; phần thập phân sau dấu phẩy.",
            _ => null,
        };
    }

    /// <summary>"Nguồn: chỉ số quốc tế. Ghi số liệu của năm trước năm báo cáo (…)": what a catalogue criterion's value is.</summary>
    public static string SourceNote(IndicatorDefinition indicator)
    {
        var source = indicator.SourceType switch
        {
            "central-statistics" => "số liệu thống kê tập trung hoặc nền tảng quốc gia",
            "international-index" => "chỉ số quốc tế",
            _ => "báo cáo của cơ quan",
        };
        return indicator.ReferenceYearLag > 0
            ? $"Nguồn: {source}. Ghi số liệu của năm tham chiếu, {indicator.ReferenceYearLag} năm trước năm báo cáo (lần công bố gần nhất trước hạn báo cáo)."
            : $"Nguồn: {source}. Ghi số liệu của chính năm báo cáo.";
    }

    private static string Title(GroupDefinition group) => $"{group.Code}. {group.Name}";
}
