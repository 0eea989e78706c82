using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.Scoring.Tests.Monthly;
using Platform.Scoring.Tests.Properties;
using Platform.TestSupport;

namespace Platform.Scoring.Tests.Documents;

/// <summary>
/// The scoring-run documents read back as what they were written from: an input document as its request (so a service
/// that stores what it scored can be re-scored by the CLI), an output document as the lines built from the result (so a
/// service can publish a fresh result without reading its own document back, and a stored one gives the same lines).
/// </summary>
public sealed class ScoringDocumentTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private static string Output(CompiledFramework framework, ScoringRequest request) =>
        ScoringRunJson.WriteToString(new Scorer(framework).Score(request));

    /// <summary>Compared as JSON text, so a number's scale (80 against 80.0) counts too.</summary>
    private static string Text(IReadOnlyList<ResultLine> lines) => JsonSerializer.Serialize(lines);

    [Fact]
    public void An_input_document_reads_back_as_the_request_it_was_written_from_and_scores_the_same()
    {
        Check.One(Config, Prop.ForAll(MonthlyGenerators.Runs(), run =>
        {
            var request = run.Request with { PeerGroup = "provinces" };
            var json = ScoringRunJson.WriteInputToString(MonthlyRun.Framework, request);

            var (input, problems) = ScoringRunJson.Read(json);

            Assert.Empty(problems);
            Assert.Equal((MonthlyRun.Framework.Id, MonthlyRun.Framework.Version), (input!.Framework, input.Version));
            Assert.Equal(json, ScoringRunJson.WriteInputToString(MonthlyRun.Framework, input.Request));
            Assert.Equal(Output(MonthlyRun.Framework, request), Output(MonthlyRun.Framework, input.Request));
        }));
    }

    [Fact]
    public void An_input_document_keeps_the_previous_month_the_bonus_and_every_kind_of_value()
    {
        var unit = new UnitValues("lao-cai", MonthlyRun.Full(), Bonus: 2.5m,
            Previous: new Dictionary<string, object> { ["A.due"] = 12m, ["A.onTime"] = 10m, ["A.late"] = 0m, ["E3.onTime"] = false });
        var request = new ScoringRequest(MonthlyRun.RunPeriod, "provinces", [unit]);

        var (input, problems) = ScoringRunJson.Read(ScoringRunJson.WriteInputToString(MonthlyRun.Framework, request));

        Assert.Empty(problems);
        var read = Assert.Single(input!.Request.Units);
        Assert.Equal(2.5m, read.Bonus);
        Assert.Equal(unit.Values.OrderBy(v => v.Key), read.Values.OrderBy(v => v.Key));
        Assert.Equal(unit.Previous!.OrderBy(v => v.Key), read.Previous!.OrderBy(v => v.Key));
    }

    [Fact]
    public void The_lines_of_a_fresh_result_are_the_lines_its_output_document_reads_back_as()
    {
        Check.One(Config, Prop.ForAll(MonthlyGenerators.Runs(), run =>
        {
            var result = new Scorer(MonthlyRun.Framework).Score(run.Request);

            Assert.Equal(Text(ResultLines.Read(ScoringRunJson.WriteToString(result))), Text(ResultLines.Of(result)));
        }));
    }

    [Fact]
    public void An_unscored_catalogue_reads_back_with_its_values_and_no_total_class_rank_or_groups()
    {
        var framework = ShippedFrameworks.Catalog.Find("qd2244-annual", null, "2025")!;
        var result = new Scorer(framework).Score(new ScoringRequest("2025", null,
            [new UnitValues("lai-chau", new Dictionary<string, object> { ["0303"] = -0.012m, ["0415"] = 0.8734m })]));

        var line = Assert.Single(ResultLines.Of(result));

        Assert.Equal(Text(ResultLines.Read(ScoringRunJson.WriteToString(result))), Text([line]));
        Assert.Equal((0m, null, 0), (line.Total, line.Classification, line.Rank));
        Assert.Empty(line.Groups);
        Assert.Equal(0.8734m, line.Indicators["0415"].Score);
    }
}
