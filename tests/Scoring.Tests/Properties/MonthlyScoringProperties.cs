using FsCheck;
using FsCheck.Fluent;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.Scoring.Tests.Monthly;

namespace Platform.Scoring.Tests.Properties;

/// <summary>
/// Properties of monthly-4585 scoring over random valid inputs (frameworks.md §0): scores stay within their
/// maxima, raising a numerator never lowers the unit's score, the order of units does not matter, and the
/// output is byte-for-byte reproducible. Each property runs 200 generated cases.
/// </summary>
public sealed class MonthlyScoringProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private static ScoringResult Score(CompiledFramework framework, ScoringRequest request) => new Scorer(framework).Score(request);

    [Fact]
    public void Every_score_stays_within_its_maximum()
    {
        var frameworks = Gen.Elements(MonthlyRun.Framework, MonthlyRun.TableVariant);
        var cases = MonthlyGenerators.Run().Zip(frameworks).ToArbitrary();

        Check.One(Config, Prop.ForAll(cases, c =>
        {
            var (run, framework) = c;
            var groupMax = framework.Groups.ToDictionary(g => g.Code, g => g.Max);
            foreach (var unit in Score(framework, run.Request).Results)
            {
                Assert.All(unit.Indicators, i => Assert.InRange(i.Score, 0m, i.Max));
                Assert.All(unit.Groups, g => Assert.InRange(g.Value, 0m, groupMax[g.Key]));
                Assert.InRange(unit.Total, 0m, 100m);
                Assert.InRange(unit.Unrounded, 0m, 100m);
                Assert.Equal(decimal.Round(unit.Total), unit.Total);
            }
        }));
    }

    [Theory]
    [InlineData("A.onTime", "A1")]
    [InlineData("C1.records", "C1")]
    [InlineData("D1.accepted", "D1")]
    [InlineData("E1.attended", "E1")]
    public void Raising_a_numerator_never_lowers_the_units_score(string key, string code)
    {
        var cases =
            from run in MonthlyGenerators.Run()
            from index in Gen.Choose(0, run.Units.Length - 1)
            from step in Gen.Choose(1, 5000)
            select (Run: run, Index: index, Step: (decimal)step);

        Check.One(Config, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var unit = c.Run.Units[c.Index];
            var raised = Raise(unit, key, c.Step);
            if (raised is null) return;
            var units = c.Run.Units.ToArray();
            units[c.Index] = raised;

            var before = Score(MonthlyRun.Framework, c.Run.Request).Result(unit.Unit);
            var after = Score(MonthlyRun.Framework, new ScoringRequest("2026-01", null, units)).Result(unit.Unit);

            Assert.True(after.Indicator(code).Score >= before.Indicator(code).Score, $"{code}: {before.Indicator(code).Score} → {after.Indicator(code).Score}");
            Assert.True(after.Unrounded >= before.Unrounded, $"unrounded: {before.Unrounded} → {after.Unrounded}");
            Assert.True(after.Total >= before.Total, $"total: {before.Total} → {after.Total}");
        }));
    }

    /// <summary>
    /// The unit with <paramref name="key"/> raised by up to <paramref name="step"/>, staying valid: A.onTime within
    /// T − onTime − late, D1.accepted within D1.total, E1.attended within E1.held; null when there is no room.
    /// </summary>
    private static UnitValues? Raise(UnitValues unit, string key, decimal step)
    {
        decimal Get(string k) => unit.Values.TryGetValue(k, out var v) ? (decimal)v : 0m;
        var room = key switch
        {
            "A.onTime" => Get("A.due") + Get("A.backlog") - Get("A.onTime") - Get("A.late"),
            "D1.accepted" => Get("D1.total") - Get("D1.accepted"),
            "E1.attended" => Get("E1.held") - Get("E1.attended"),
            _ => step,
        };
        if (room <= 0) return null;
        var values = new Dictionary<string, object>(unit.Values, StringComparer.Ordinal) { [key] = Get(key) + Math.Min(step, room) };
        return unit with { Values = values };
    }

    [Fact]
    public void The_order_of_units_never_changes_any_result()
    {
        var cases =
            from run in MonthlyGenerators.Run()
            from shuffled in Gen.Shuffle(run.Units)
            select (Run: run, Shuffled: shuffled);

        Check.One(Config, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var original = Score(MonthlyRun.Framework, c.Run.Request);
            var reordered = Score(MonthlyRun.Framework, new ScoringRequest("2026-01", null, c.Shuffled));

            Assert.Equal(ScoringRunJson.WriteToString(original), ScoringRunJson.WriteToString(reordered));
            Assert.Equal(original.Bests, reordered.Bests);
        }));
    }

    [Fact]
    public void Scoring_the_same_input_twice_gives_byte_identical_output()
    {
        Check.One(Config, Prop.ForAll(MonthlyGenerators.Runs(), run =>
        {
            var first = ScoringRunJson.WriteToString(Score(MonthlyRun.Framework, run.Request));
            // A second framework compiled afresh from the catalogue's definition, and a second scorer.
            var again = ScoringRunJson.WriteToString(Score(CompiledFramework.Compile(MonthlyRun.Framework.Definition), run.Request));

            Assert.Equal(first, again);
        }));
    }
}
