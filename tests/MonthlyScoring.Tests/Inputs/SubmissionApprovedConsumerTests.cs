using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.DataAndMessaging.Outbox;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Inputs;

public sealed class SubmissionApprovedConsumerTests(PlatformInfrastructure infrastructure)
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Submission = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    [Fact]
    public async Task An_approval_stores_each_value_with_its_provenance()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "approved");
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12, "E3.onTime": true}"""));

        var rows = await ValuesAsync(bench);
        Assert.Equal(["A.due=12", "E3.onTime=true"], rows.Select(r => $"{r.InputKey}={r.ValueJson}"));
        var due = rows[0];
        Assert.Equal((Submission, 3, "lao-cai.so-khcn", T0, "2026.1", false),
            (due.SubmissionId, due.SubmissionRevision, due.ReportingUnit, due.ApprovedAt, due.FrameworkVersion, due.Derived));
    }

    [Fact]
    public async Task A_duplicate_delivery_changes_nothing()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "duplicate");
        var id = await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12}"""));
        // Redelivered after a newer approval: the inbox recognises the message id and skips it.
        await bench.DeliverAsync(Approved(4, T0.AddHours(1), """{"A.due": 13}"""));
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12}"""), id);
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12}"""), id);

        Assert.Equal(["A.due=13@4"], (await ValuesAsync(bench)).Select(r => $"{r.InputKey}={r.ValueJson}@{r.SubmissionRevision}"));
        await using var db = bench.Db();
        Assert.Equal(2, await db.Set<InboxMessage>().CountAsync(m => m.Consumer == nameof(SubmissionApprovedConsumer), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_older_approval_arriving_late_never_overwrites_a_newer_one()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "outoforder");
        await bench.DeliverAsync(Approved(5, T0.AddDays(1), """{"A.due": 20}"""));
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12, "A.done": 4}"""));

        // A.due stays at the newer value; A.done, which the newer approval did not carry, comes from the older one.
        Assert.Equal(["A.done=4@3", "A.due=20@5"], (await ValuesAsync(bench)).Select(r => $"{r.InputKey}={r.ValueJson}@{r.SubmissionRevision}"));
    }

    [Fact]
    public async Task A_key_the_same_submission_no_longer_carries_is_removed_but_not_another_submissions_key()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "removed");
        var other = Approved(2, T0, """{"B.kpi": 80}""") with { SubmissionId = Guid.NewGuid(), ReportingUnit = "lao-cai.so-tc" };
        await bench.DeliverAsync(other);
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12, "A.done": 4}"""));
        await bench.DeliverAsync(Approved(5, T0.AddDays(1), """{"A.due": 12}"""));

        Assert.Equal(["A.due@5", "B.kpi@2"], (await ValuesAsync(bench)).Select(r => $"{r.InputKey}@{r.SubmissionRevision}"));
    }

    [Fact]
    public async Task Approvals_of_other_frameworks_are_acknowledged_and_ignored()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "otherframework");
        await bench.DeliverAsync(Approved(3, T0, """{"A.due": 12}""") with { FrameworkId = "nq57-self-2026", Period = "2026" });

        Assert.Empty(await ValuesAsync(bench));
    }

    [Fact]
    public async Task A_closed_period_is_recorded_once()
    {
        await using var bench = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "closed");
        var closed = new PeriodClosed("national", "monthly-4585", "2026.1", "2026-01", "to-national", T0, T0.AddMinutes(1));
        await bench.DeliverAsync(closed);
        await bench.DeliverAsync(closed with { OccurredAt = T0.AddMinutes(5) });

        await using var db = bench.Db();
        var rows = await db.ClosedPeriods.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("2026-01", "to-national", T0.AddMinutes(1)), (Assert.Single(rows).Period, rows[0].Level, rows[0].ClosedAt));
    }

    internal static SubmissionApproved Approved(int revision, DateTimeOffset at, string values, string target = "lao-cai") => new(
        Submission, "national", "monthly-4585", "2026.1", "2026-01", "lao-cai.so-khcn", target,
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(values)!, false, "reviewer-sub", revision, at);

    private static async Task<List<ApprovedValue>> ValuesAsync(ServiceHost<Program, MonthlyScoringDbContext> bench)
    {
        await using var db = bench.Db();
        return await db.ApprovedValues.AsNoTracking().OrderBy(v => v.InputKey).ToListAsync(TestContext.Current.CancellationToken);
    }
}
