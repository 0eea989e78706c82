using System.Reflection;
using System.Text.Json;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Scoring;

/// <summary>
/// Reads a framework version written by people (an uploaded or draft JSON file): every problem, in Vietnamese, with
/// where it is — the JSON path and line for a file that does not parse, the indicator or input for a rule that does
/// not compile. The shipped files pass through the same checks (<see cref="CompiledFramework.Compile"/>).
/// </summary>
public static class FrameworkFile
{
    public static (CompiledFramework? Framework, IReadOnlyList<string> Problems) Read(string json)
    {
        FrameworkDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<FrameworkDefinition>(json, FrameworkCatalog.Json);
        }
        catch (JsonException ex)
        {
            return (null, [Describe(ex)]);
        }
        if (definition is null) return (null, ["tệp rỗng: cần một đối tượng JSON mô tả khung chỉ số"]);
        var problems = new List<string>();
        // JSON null where the definition needs a value (a required field, an element of a list) is said where it is,
        // before anything reads it.
        NullsWhereValuesAreNeeded(definition, "$", problems, new NullabilityInfoContext(), 0);
        if (problems.Count > 0) return (null, problems);
        if (string.IsNullOrWhiteSpace(definition.Id)) problems.Add("$.id: thiếu mã khung");
        if (string.IsNullOrWhiteSpace(definition.Version)) problems.Add("$.version: thiếu phiên bản");
        if (string.IsNullOrWhiteSpace(definition.Name)) problems.Add("$.name: thiếu tên khung");
        if (!Period.TryParse(definition.EffectiveFrom, out _))
            problems.Add($"$.effectiveFrom: \"{definition.EffectiveFrom}\" không phải kỳ hợp lệ (YYYY-MM hoặc YYYY)");
        if (definition.EffectiveTo is { } to && !Period.TryParse(to, out _))
            problems.Add($"$.effectiveTo: \"{to}\" không phải kỳ hợp lệ (YYYY-MM hoặc YYYY)");
        if (definition.PeriodType is not ("month" or "year" or "window"))
            problems.Add($"$.periodType: \"{definition.PeriodType}\" không hợp lệ (month, year hoặc window)");
        if (problems.Count > 0) return (null, problems);
        try
        {
            return (CompiledFramework.Compile(definition), []);
        }
        catch (FrameworkDefinitionException ex)
        {
            return (null, ex.Problems);
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = ex.Path is { Length: > 0 } path ? path : "$";
        var line = ex.LineNumber is { } l ? $" (dòng {l + 1}, cột {(ex.BytePositionInLine ?? 0) + 1})" : "";
        var missing = ex.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? "thiếu trường bắt buộc: " + RequiredNames(ex.Message)
            : ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "giá trị không đúng kiểu"
                : "JSON không hợp lệ";
        return $"{where}{line}: {missing}";
    }

    // "... missing required properties including: 'id', 'version'." → "id, version"
    private static string RequiredNames(string message)
    {
        var at = message.IndexOf("including:", StringComparison.Ordinal);
        return at < 0 ? "" : message[(at + "including:".Length)..].Trim().TrimEnd('.').Replace("'", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks the definition's records, lists and maps: every null that the type does not allow is a problem named by its
    /// JSON path. (A <see cref="NullabilityInfoContext"/> per file: it is not thread-safe, and uploads are read in parallel.)
    /// </summary>
    private static void NullsWhereValuesAreNeeded(object value, string path, List<string> problems, NullabilityInfoContext nullability, int depth)
    {
        if (depth > 64 || problems.Count >= 20) return;
        switch (value)
        {
            case string or JsonElement or decimal or bool or int:
                return;
            case System.Collections.IDictionary map:
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    if (entry.Value is null) problems.Add($"{path}.{entry.Key}: không được để null");
                    else NullsWhereValuesAreNeeded(entry.Value, $"{path}.{entry.Key}", problems, nullability, depth + 1);
                }
                return;
            case System.Collections.IEnumerable list:
                var i = 0;
                foreach (var element in list)
                {
                    if (element is null) problems.Add($"{path}[{i}]: không được để null");
                    else NullsWhereValuesAreNeeded(element, $"{path}[{i}]", problems, nullability, depth + 1);
                    i++;
                }
                return;
        }
        if (value.GetType().Namespace != typeof(FrameworkDefinition).Namespace) return;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null) continue;
            var name = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var inner = property.GetValue(value);
            if (inner is null)
            {
                if (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull)
                    problems.Add($"{name}: không được để null");
                continue;
            }
            NullsWhereValuesAreNeeded(inner, name, problems, nullability, depth + 1);
        }
    }
}
