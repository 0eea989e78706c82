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

    [Fact]
    public void A_score_run_over_the_faulted_platform_equals_one_over_the_same_data_without_faults()
    {
        Assert.True(run.Scores.Periods == FaultRun.Periods.Count && run.Scores.Equal == run.Scores.Periods, run.Report);
        // Lào Cai and Thanh Hóa reported every input every month: the runs compared score them, not only empty provinces.
        Assert.True(run.Scores.ReportedUnits == 2 * FaultRun.Periods.Count, run.Report);
    }
}
