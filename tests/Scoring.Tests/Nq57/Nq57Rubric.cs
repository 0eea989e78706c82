using Platform.TestSupport;
using System.Globalization;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Nq57;

/// <summary>Scores values under the shipped Resolution 57 self-assessment rubric (frameworks.md §3).</summary>
internal static class Nq57Rubric
{
    public const string Id = "nq57-self-2026";

    /// <summary>The rubric is one collection window, scored as period 2026.</summary>
    public const string Period = "2026";

    public static CompiledFramework Framework => ShippedFrameworks.Catalog.Find(Id, null, Period)
        ?? throw new InvalidOperationException($"{Id} is not in the shipped catalogue");

    public static Scorer Rubric => new(Framework);

    public static ScoringRequest Request(params UnitValues[] units) => new(Period, null, units);

    /// <summary>A unit that reported only <paramref name="code"/>: its other criteria are missing, which does not matter here.</summary>
    public static IndicatorScore ScoreOne(string code, object value, decimal? reviewer = null)
    {
        var unit = new UnitValues("nhu-thanh", new Dictionary<string, object> { [code] = value },
            Reviewer: reviewer is { } r ? new Dictionary<string, decimal> { [code] = r } : null);
        return Rubric.Score(Request(unit)).Results.Single().Indicators.Single(i => i.Code == code);
    }

    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
