using System.Text.Json;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>One criterion of the catalogue as this feature reads it from the framework definition.</summary>
public sealed record Criterion(string Code, string Name, string? Unit, string InputKey, string InputType, string GroupCode, string GroupName,
    string Direction, string SourceType, int ReferenceYearLag, string? LeadAgency)
{
    public bool HigherIsBetter => Direction != "lower-is-better";
}

/// <summary>
/// The QĐ 2244 criteria of the framework version in force for a year: every indicator of the definition, its value being
/// the input its rule names (<c>"rule": "0101"</c>), with unit, group, direction, source type and reference-year lag.
/// </summary>
public static class Catalogue
{
    /// <summary>
    /// The version in force for <paramref name="year"/>; for a year before the first version (2024, shown beside 2025),
    /// the first version, so earlier values are read against the same catalogue.
    /// </summary>
    public static CompiledFramework? For(FrameworkCatalog catalog, int year) =>
        catalog.Find(AnnualCriteriaOptions.FrameworkId, null, year.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? catalog.All.Where(f => f.Id == AnnualCriteriaOptions.FrameworkId)
            .Where(f => string.CompareOrdinal(f.Definition.EffectiveFrom, year.ToString(System.Globalization.CultureInfo.InvariantCulture)) > 0)
            .MinBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal);

    /// <summary>The newest version: how a criterion is named and read across years.</summary>
    public static CompiledFramework? Latest(FrameworkCatalog catalog) =>
        catalog.All.Where(f => f.Id == AnnualCriteriaOptions.FrameworkId).MaxBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal);

    public static IReadOnlyList<Criterion> Criteria(CompiledFramework framework)
    {
        var inputs = framework.Definition.Inputs.ToDictionary(i => i.Key, StringComparer.Ordinal);
        return framework.Definition.Groups.SelectMany(g => g.Indicators.Select(i =>
        {
            var key = i.Rule.ValueKind == JsonValueKind.String ? i.Rule.GetString()! : i.Code;
            var input = inputs.GetValueOrDefault(key);
            return new Criterion(i.Code, i.Name, i.Unit ?? input?.Unit, key, input?.Type ?? "amount", g.Code, g.Name,
                i.Direction ?? "higher-is-better", i.SourceType ?? "agency-report", i.ReferenceYearLag, i.LeadAgency);
        })).ToList();
    }

    /// <summary>"agency-report" → "Báo cáo của cơ quan", as people read the source type.</summary>
    public static string SourceTypeText(string sourceType) => sourceType switch
    {
        "central-statistics" => "Thống kê tập trung, nền tảng quốc gia",
        "international-index" => "Chỉ số quốc tế",
        _ => "Báo cáo của cơ quan",
    };

    public static string DirectionText(string direction) =>
        direction == "lower-is-better" ? "Càng thấp càng tốt" : "Càng cao càng tốt";
}
