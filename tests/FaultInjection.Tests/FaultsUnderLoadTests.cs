namespace Platform.FaultInjection.Tests;

/// <summary>
/// Submissions through the gateway — source systems on the machine API, people in their browsers — while intake,
/// monthly scoring, the gateway, RabbitMQ and PostgreSQL are killed with SIGKILL one after another and restarted
/// (<see cref="FaultRun"/>). Every answer the clients were given is held against the databases at the end.
/// </summary>
public sealed class FaultsUnderLoadTests(FaultRun run) : IClassFixture<FaultRun>
{
    [Fact]
    public void The_load_is_held_with_every_fault_injected_and_survived()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(run.Report);
        Assert.Equal(LoadRun.Targets, run.Load.Faults.Select(f => f.Target));
        Assert.Equal(run.Submissions, run.Load.Outcomes.Count);
        // A client that keeps trying gets its answer: nothing is refused for good by an outage.
        Assert.True(run.Verified.Refused == 0, run.Report);
    }

    [Fact]
    public void Every_submission_answered_with_success_is_stored_exactly_once_with_its_values()
    {
        Assert.True(run.Verified.Accepted > 0, run.Report);
        Assert.True((run.Verified.Lost, run.Verified.Duplicated, run.Verified.Altered) == (0, 0, 0), run.Report);
    }

    [Fact]
    public void Every_approval_reaches_monthly_scoring_exactly_once()
    {
        Assert.True(run.Verified.Approvals > 0, run.Report);
        Assert.True((run.Verified.ApprovalsLostOnTheWay, run.Verified.ApprovalsDuplicated, run.UnconsumedApprovals) == (0, 0, 0), run.Report);
        Assert.Equal(run.Verified.Approvals, run.Verified.ApprovalsReachedScoringOnce);
    }

    [Fact]
    public void No_outbox_row_is_left_unpublished()
    {
        Assert.True(run.StuckOutboxRows == 0, run.Report);
    }

    /// <summary>
    /// Control: the checks above would see a loss. Outcomes the databases contradict — an answer for a submission never
    /// stored, one whose stored values differ, one with another id, an approval that never happened — are counted.
    /// </summary>
    [Fact]
    public async Task The_checks_count_what_the_databases_contradict()
    {
        var accepted = run.Load.Outcomes.Where(o => o.Accepted && o.Job.Reviewer is null).Take(3).ToList();
        Assert.Equal(3, accepted.Count);
        var told = new List<Outcome>
        {
            new(accepted[0].Job with { Period = "2099-01" }) { Accepted = true, Id = Guid.NewGuid() },
            new(accepted[1].Job with { Values = Changed(accepted[1].Job.Values) }) { Accepted = true, Id = accepted[1].Id },
            new(accepted[2].Job) { Accepted = true, Id = Guid.NewGuid() },
            new(accepted[2].Job with { Reviewer = "never-approved" }) { Accepted = true, Id = accepted[2].Id, Approved = true },
        };

        var checkedAgain = await Verification.RunAsync(run.Platform, told);

        Assert.Equal((1, 2, 1), (checkedAgain.Lost, checkedAgain.Altered, checkedAgain.ApprovalsLostOnTheWay));
        Assert.Equal(0, checkedAgain.ApprovalsReachedScoringOnce);
    }

    private static Dictionary<string, object> Changed(IReadOnlyDictionary<string, object> values)
    {
        var changed = values.ToDictionary(kv => kv.Key, kv => kv.Value);
        var key = changed.Keys.First();
        changed[key] = Convert.ToDecimal(changed[key], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return changed;
    }

    [Fact]
    public void A_score_run_over_the_faulted_platform_equals_one_over_the_same_data_without_faults()
    {
        Assert.True(run.Scores.Periods == FaultRun.Periods.Count && run.Scores.Equal == run.Scores.Periods, run.Report);
        // Lào Cai and Thanh Hóa reported every input every month: the runs compared score them, not only empty provinces.
        Assert.True(run.Scores.ReportedUnits == 2 * FaultRun.Periods.Count, run.Report);
    }
}
