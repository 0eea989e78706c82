using Platform.TestSupport;
using Platform.Scoring.Engine;
using static Platform.Scoring.Tests.Nq57.Nq57Rubric;

namespace Platform.Scoring.Tests.Nq57;

/// <summary>The shipped definition holds the rubric of frameworks.md §3: structure, maxima, input kinds, evidence.</summary>
public sealed class Nq57DefinitionTests
{
    [Fact]
    public void The_rubric_ships_as_a_100_point_window_with_reviewer_scores()
    {
        var definition = Framework.Definition;

        Assert.Equal("window", definition.PeriodType);
        Assert.Equal("2026", definition.EffectiveFrom);
        Assert.Equal(100m, definition.MaxPoints);
        Assert.Equal(2, definition.Precision);
        Assert.True(definition.ReviewerScores);
        Assert.Null(definition.Bonus);
        Assert.Empty(definition.Classes);
        // The window and the deadline have no schema field; they are written into the name and the legal basis.
        Assert.Contains("01/7/2025", definition.Name);
        Assert.Contains("18/6/2026", definition.Name);
        Assert.Contains("09 giờ ngày 19/6/2026", definition.Name);
        Assert.Contains("09 giờ, ngày 19/6/2026", definition.LegalBasis!.Article);
        Assert.Contains("57-NQ/TW", definition.LegalBasis.Document);
    }

    [Fact]
    public void The_groups_nest_as_in_the_rubric_and_their_maxima_add_up()
    {
        // A (70) = A.I (12) + A.II (16) + A.III (42); B (30) = B.I (15) + B.II (15).
        var groups = Framework.Groups;
        Assert.Equal([("A", 70m), ("B", 30m)], groups.Select(g => (g.Code, g.Max)));
        var a = groups[0];
        Assert.Equal([("A.I", 12m), ("A.II", 16m), ("A.III", 42m)], a.Groups.Select(g => (g.Code, g.Max)));
        Assert.Equal([("A.I.1", 3m), ("A.I.2", 6m), ("A.I.3", 3m)], a.Groups[0].Groups.Select(g => (g.Code, g.Max)));
        Assert.Equal(["A.II.1", "A.II.2"], a.Groups[1].Indicators.Select(i => i.Code));
        // A.III = 5 + 5 + 3 + 3 + 2 + 5 + 10 + 5 + 4 = 42.
        Assert.Equal([5m, 5m, 3m, 3m, 2m, 5m, 10m, 5m, 4m], a.Groups[2].Groups.Select(g => g.Max));
        Assert.Equal(["A.III.1", "A.III.2", "A.III.3", "A.III.4", "A.III.5", "A.III.6", "A.III.7", "A.III.8", "A.III.9"], a.Groups[2].Groups.Select(g => g.Code));
        Assert.Equal([("B.I", 15m), ("B.II", 15m)], groups[1].Groups.Select(g => (g.Code, g.Max)));
        Assert.Equal(100m, Framework.Indicators.Sum(i => i.Max));
    }

    [Theory]
    [InlineData("A.I.1.1", "1.5", "choice")]
    [InlineData("A.I.1.2", "1.5", "choice")]
    [InlineData("A.I.2.1", "3", "fraction")]
    [InlineData("A.I.2.2", "3", "count")]
    [InlineData("A.I.3.1", "2", "fraction")]
    [InlineData("A.I.3.2", "1", "choice")]
    [InlineData("A.II.1", "7", "fraction")]
    [InlineData("A.II.2", "9", "fraction")]
    [InlineData("A.III.1.1", "1", "fraction")]
    [InlineData("A.III.1.2", "1", "fraction")]
    [InlineData("A.III.1.3", "2", "fraction")]
    [InlineData("A.III.1.4", "1", "fraction")]
    [InlineData("A.III.2.1", "1", "fraction")]
    [InlineData("A.III.2.2", "2", "choice")]
    [InlineData("A.III.2.3", "1", "choice")]
    [InlineData("A.III.2.4", "1", "fraction")]
    [InlineData("A.III.3.1", "0.5", "fraction")]
    [InlineData("A.III.3.2", "0.8", "fraction")]
    [InlineData("A.III.3.3", "0.8", "fraction")]
    [InlineData("A.III.3.4", "0.9", "count")]
    [InlineData("A.III.4.1", "2", "fraction")]
    [InlineData("A.III.4.2", "1", "choice")]
    [InlineData("A.III.5.1", "1.5", "fraction")]
    [InlineData("A.III.5.2", "0.5", "fraction")]
    [InlineData("A.III.6.1", "2", "boolean")]
    [InlineData("A.III.6.2", "3", "fraction")]
    [InlineData("A.III.7.1", "5", "count")]
    [InlineData("A.III.7.2", "5", "boolean")]
    [InlineData("A.III.8.1", "4", "count")]
    [InlineData("A.III.8.2", "1", "fraction")]
    [InlineData("A.III.9.1", "1", "fraction")]
    [InlineData("A.III.9.2", "1", "fraction")]
    [InlineData("A.III.9.3", "1", "fraction")]
    [InlineData("A.III.9.4", "1", "boolean")]
    [InlineData("B.I.1", "10", "choice")]
    [InlineData("B.I.2", "5", "choice")]
    [InlineData("B.II.1", "5", "count")]
    [InlineData("B.II.2", "10", "count")]
    public void Every_criterion_has_its_max_its_input_kind_and_its_evidence(string code, string max, string type)
    {
        var indicator = Framework.Indicators.Single(i => i.Code == code);
        var input = Framework.Slots[code].Input;

        Assert.Equal(D(max), indicator.Max);
        Assert.Equal(type, input.Type);
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.Name));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.Unit));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.Evidence));
        Assert.False(string.IsNullOrWhiteSpace(input.Label));
        Assert.False(string.IsNullOrWhiteSpace(input.Help));
        Assert.Equal([code], indicator.UsedSlots.Select(s => Framework.Inputs[s].Key));
        if (type is "fraction") Assert.Equal("tỷ lệ", input.Unit);
        if (type is "count") Assert.False(string.IsNullOrWhiteSpace(input.Unit));
    }

    [Fact]
    public void There_are_exactly_the_38_criteria_of_the_rubric()
    {
        Assert.Equal(38, Framework.Indicators.Count);
        Assert.Equal(38, Framework.Inputs.Count);
        Assert.Equal(Framework.Indicators.Select(i => i.Code), Framework.Inputs.Select(i => i.Key));
    }

    [Theory]
    [InlineData("A.I.1.1", "full,partial,none")]
    [InlineData("A.I.1.2", "resolved,in-progress,none")]
    [InlineData("A.I.3.2", "applied,not-applied,none")]
    [InlineData("A.III.2.2", "full,partial")]
    [InlineData("A.III.2.3", "on-schedule,late,none")]
    [InlineData("A.III.4.2", "clean,warning,incident")]
    [InlineData("B.I.1", "pioneering,improved,none")]
    [InlineData("B.I.2", "full,partial,none")]
    public void Every_choice_criterion_offers_exactly_its_tiers_with_vietnamese_labels(string code, string options)
    {
        var input = Framework.Slots[code].Input;

        Assert.Equal(options.Split(','), input.Options!.Keys);
        Assert.All(input.Options.Values, label => Assert.False(string.IsNullOrWhiteSpace(label)));
    }

    [Theory]
    [InlineData("nq57-6", "A.I.2.1")]
    [InlineData("nq57-6", "A.III.1.1")]
    [InlineData("nq57-6", "A.III.3.4")]
    [InlineData("nq57-7", "A.III.8.1")]
    [InlineData("nq57-8", "A.III.2.2")]
    [InlineData("nq57-8", "A.III.3.2")]
    [InlineData("nq57-8", "A.III.3.3")]
    public void The_interpretations_are_recorded_and_linked_to_the_criteria_they_decide(string id, string code)
    {
        Assert.Contains(Framework.Definition.Interpretations, i => i.Id == id && !string.IsNullOrWhiteSpace(i.Text));
        Assert.Contains(id, Framework.Indicators.Single(i => i.Code == code).Definition.Interpretations);
    }

    [Fact]
    public void The_rubric_is_in_force_for_period_2026_only_as_a_year()
    {
        Assert.NotNull(ShippedFrameworks.Catalog.Find(Id, null, "2026"));
        var monthly = Rubric.Validate(new ScoringRequest("2026-06", null, []));
        Assert.Equal("period", Assert.Single(monthly).Key);
    }
}
