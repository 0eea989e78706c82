using Platform.TestSupport;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Monthly;

/// <summary>
/// Builds monthly-4585 units for tests. <see cref="Full"/> is a unit that earns every point of sets A–E
/// when it scores alone (95 = A 20 + B 20 + C 20 + D 20 + E 15); a test changes only what it is about.
/// </summary>
internal static class MonthlyRun
{
    public const string RunPeriod = "2026-01";

    public static CompiledFramework Framework { get; } = ShippedFrameworks.Catalog.Find("monthly-4585", null, RunPeriod)!;

    /// <summary>
    /// A unit alone in its run: T = 10 + 0, all on time (A1 18, A2 0, A3 2); B1..B5 at their maxima (sum 100 → 20);
    /// C1 and C2 are their own best (10 + 10); D1 10/10, D2 100% (10 + 10); E1 2/2, one thematic report, updated on time in full (5 + 5 + 5).
    /// </summary>
    public static Dictionary<string, object> Full() => new(StringComparer.Ordinal)
    {
        ["A.due"] = 10m, ["A.backlog"] = 0m, ["A.onTime"] = 10m, ["A.late"] = 0m,
        ["B.B1"] = 18m, ["B.B2"] = 20m, ["B.B3"] = 22m, ["B.B4"] = 18m, ["B.B5"] = 22m,
        ["C1.records"] = 1000m, ["C2.transactions"] = 1000m,
        ["D1.accepted"] = 10m, ["D1.total"] = 10m, ["D2.rate"] = 1m,
        ["E1.attended"] = 2m, ["E1.held"] = 2m, ["E2.speeches"] = 0m, ["E2.reports"] = 1m,
        ["E3.onTime"] = true, ["E3.completion"] = 1m,
    };

    /// <summary>The full unit with some values replaced; a null value removes the key (not reported).</summary>
    public static UnitValues Unit(string id, params (string Key, object? Value)[] changes) => Unit(id, 0m, changes);

    public static UnitValues Unit(string id, decimal bonus, params (string Key, object? Value)[] changes)
    {
        var values = Full();
        foreach (var (key, value) in changes)
        {
            if (value is null) values.Remove(key);
            else values[key] = value;
        }
        return new UnitValues(id, values, bonus);
    }

    public static ScoringRequest Request(params UnitValues[] units) => new(RunPeriod, null, units);

    public static ScoringResult Score(params UnitValues[] units) => Score(Framework, units);

    public static ScoringResult Score(CompiledFramework framework, params UnitValues[] units) =>
        new Scorer(framework).Score(new ScoringRequest(RunPeriod, null, units));

    public static UnitResult Result(this ScoringResult result, string unit) => result.Results.Single(r => r.Unit == unit);

    public static IndicatorScore Indicator(this UnitResult result, string code) => result.Indicators.Single(i => i.Code == code);

    /// <summary>
    /// A score as exact arithmetic gives it. Scores are kept as 28-digit decimals, so a ratio that does not
    /// terminate (8/12, 1/14) can leave a trace in the last digits (12.000000000000000000000000001);
    /// frameworks.md §0 takes the value at 20 decimal places as the exact one.
    /// </summary>
    public static decimal Exact(decimal value) => Math.Round(value, 20, MidpointRounding.AwayFromZero);

    public static decimal ScoreOf(this UnitResult result, string code) => Exact(result.Indicator(code).Score);

    public static decimal GroupOf(this UnitResult result, string code) => Exact(result.Groups[code]);

    public static IReadOnlyList<string> FlagNames(this UnitResult result, string code) => result.Indicator(code).Flags.ToNames();

    /// <summary>The framework with monthly B scored by the table's formula <c>(B1+B2+B3+B4)/100×25</c> (interpretation 2).</summary>
    public static CompiledFramework TableVariant { get; } = LoadTableVariant();

    private static CompiledFramework LoadTableVariant()
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream("Platform.Scoring.Frameworks.monthly-4585.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        Assert.Contains("\"variant\": \"text\"", json, StringComparison.Ordinal);
        return CompiledFramework.Compile(FrameworkCatalog.Parse(json.Replace("\"variant\": \"text\"", "\"variant\": \"table\"", StringComparison.Ordinal)));
    }
}
