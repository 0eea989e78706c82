using Platform.TestSupport;
using System.Globalization;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Dti;

/// <summary>Builds dti-province-405 requests from compact value lists such as <c>"3.1.a=80; info.villages=100"</c>.</summary>
internal static class DtiRequests
{
    public const string Period = "2025";

    public static CompiledFramework Framework { get; } = ShippedFrameworks.Catalog.Find("dti-province-405", null, Period)!;

    /// <summary><c>key=value</c> pairs separated by <c>;</c>: numbers are decimals, <c>true</c>/<c>false</c> booleans, anything else a choice.</summary>
    public static Dictionary<string, object> Values(string pairs)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var pair in pairs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, text) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)].Trim(), pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
            values[key] = text switch
            {
                "true" => true,
                "false" => false,
                _ when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
                _ => text,
            };
        }
        return values;
    }

    public static UnitValues Unit(string unit, string pairs) => new(unit, Values(pairs));

    public static ScoringResult Score(IReadOnlyList<UnitValues> units, IReadOnlyDictionary<string, decimal>? references = null) =>
        new Scorer(Framework).Score(new ScoringRequest(Period, "provinces", units, references));

    /// <summary>One province reporting only the given values (every other indicator is simply missing).</summary>
    public static IndicatorScore Indicator(string code, string pairs) =>
        Score([Unit("vinh-long", pairs)]).Results.Single().Indicators.Single(i => i.Code == code);

    /// <summary>The flags as the comma-separated names a person sees, e.g. <c>"zero-denominator"</c>; empty when none.</summary>
    public static string FlagNames(this IndicatorScore score) => string.Join(",", score.Flags.ToNames());

    public static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>
    /// Scores one indicator of a province reporting <paramref name="pairs"/> and checks the hand-worked score
    /// (compared at 10 decimals, so sevenths need not be written out to 28 places) and the flags.
    /// </summary>
    public static void AssertScore(string code, string pairs, string expected, string flags)
    {
        var score = Indicator(code, pairs);
        Assert.Equal(Dec(expected), Math.Round(score.Score, 10));
        Assert.Equal(flags, score.FlagNames());
    }
}
