namespace Platform.Scoring.Tests.DefinitionChecks;

/// <summary>
/// Small framework definitions written as JSON in the tests. The defaults make a valid definition:
/// one input <c>a</c>, one group G (10) with one indicator G1 = a × max, framework max 10.
/// </summary>
internal static class DefinitionJson
{
    public const string DefaultInputs = """[{ "key": "a", "label": "Tỷ lệ", "type": "fraction" }]""";

    public const string DefaultGroups = """
        [{ "code": "G", "name": "Nhóm", "max": 10, "indicators": [
            { "code": "G1", "name": "Chỉ tiêu", "max": 10, "rule": { "op": "linear", "value": "a" } } ] }]
        """;

    public static string Build(
        string id = "thu",
        string version = "v1",
        string effectiveFrom = "2026-01",
        string? effectiveTo = null,
        decimal maxPoints = 10,
        string inputs = DefaultInputs,
        string groups = DefaultGroups,
        string extra = "") => $$"""
        {
          "id": "{{id}}",
          "version": "{{version}}",
          "name": "Khung thử",
          "effectiveFrom": "{{effectiveFrom}}",
          "effectiveTo": {{(effectiveTo is null ? "null" : $"\"{effectiveTo}\"")}},
          "periodType": "month",
          "maxPoints": {{maxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
          "precision": 0,
          {{extra}}
          "inputs": {{inputs}},
          "groups": {{groups}}
        }
        """;
}
