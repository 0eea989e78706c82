namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// Illustrative values ("dữ liệu minh họa") for Lào Cai and Thanh Hóa, 2024 and 2025, made up from each criterion's kind
/// so that a newcomer sees a year-over-year view: they are not figures of either province, are computed on reading
/// (never stored) and are shown only for a province and year without any real approved value.
/// </summary>
internal static class DemoValues
{
    public const string Label = "dữ liệu minh họa";
    public const string Reporter = "demo";

    public static readonly string[] Provinces = ["lao-cai", "thanh-hoa"];
    public static readonly int[] Years = [2024, 2025];

    public static Dictionary<string, AnnualValue> For(IReadOnlyList<Criterion> criteria, string province, int year)
    {
        var result = new Dictionary<string, AnnualValue>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            // International indices are national figures: the same for every province.
            var scale = c.SourceType == "international-index" ? 1m : province == "thanh-hoa" ? 1.2m : 1m;
            var first = Base(c, i) * scale;
            // 2025 against 2024: most criteria improve, every fifth worsens, every seventh stays the same.
            var step = i % 7 == 3 ? 0m : i % 5 == 4 ? -1m : 1m;
            var value = year == Years[0] ? first : first + step * Delta(c, first);
            if (c.InputType == "fraction") value = Math.Clamp(value, 0m, 0.99m);
            value = c.InputType == "count" ? Math.Round(value, 0, MidpointRounding.AwayFromZero) : Math.Round(value, 3, MidpointRounding.AwayFromZero);
            result[c.Code] = new AnnualValue
            {
                Province = province, Year = year, Criterion = c.Code, Value = value, ReferenceYear = year - c.ReferenceYearLag,
                SourceType = c.SourceType, ReportingUnit = Reporter, FrameworkVersion = Label,
            };
        }
        return result;
    }

    private static decimal Base(Criterion c, int i) => (c.InputType, c.Unit) switch
    {
        ("fraction", _) => 0.30m + (i * 7 % 50) / 100m,
        ("count", _) => 100 + i * 37 % 900,
        ("score", "điểm (0–1)") => 0.60m + (i % 10) / 100m,
        ("score", "điểm (0–100)") => 40m + i % 15,
        ("score", _) => 0.05m + (i % 4) / 100m,
        _ => 10m + i * 13 % 200 + 0.5m,
    };

    private static decimal Delta(Criterion c, decimal value) => c.InputType switch
    {
        "fraction" => 0.04m,
        "score" when value < 1 => 0.01m,
        "score" => 1.5m,
        _ => Math.Max(1m, Math.Round(value * 0.1m, 1)),
    };
}
