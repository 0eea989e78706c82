using FsCheck;
using FsCheck.Fluent;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.Scoring.Tests.Monthly;
using Platform.Scoring.Tests.Properties;

namespace Platform.Scoring.Tests.Documents;

/// <summary>
/// The scoring-run documents read back as what they were written from: an input document as its request (so a service
/// that stores what it scored can be re-scored by the CLI).
/// </summary>
public sealed class ScoringDocumentTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private static string Output(CompiledFramework framework, ScoringRequest request) =>
        ScoringRunJson.WriteToString(new Scorer(framework).Score(request));

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
}
