using System.Net;
using System.Text.Json;
using Platform.Contracts;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Periods;

/// <summary>The agencies' deadline for 2026-01 of monthly-4585 is "trước ngày 03": 00:00 on 3 February 2026, Vietnam time (17:00Z on the 2nd).</summary>
public sealed class DeadlineTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Submitting_at_23_59_59_on_the_2nd_Vietnam_time_is_on_time()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "deadline-ontime", PeriodCalls.Refuse);
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await reporter.DraftAsync("lao-cai.so-khcn");

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline.AddSeconds(-1));
        var submitted = await (await reporter.ActAsync(draft, "submit")).ReadAsync();

        Assert.Equal((SubmissionStates.Submitted, false), (submitted.State, submitted.Late));
    }

    [Fact]
    public async Task Submitting_at_midnight_on_the_3rd_is_accepted_and_marked_late_under_accept_and_mark_late()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "deadline-late");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await reporter.DraftAsync("lao-cai.so-khcn");

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        var submitted = await (await reporter.ActAsync(draft, "submit")).ReadAsync();

        Assert.Equal((SubmissionStates.Submitted, true), (submitted.State, submitted.Late));
        var submittedEvent = JsonSerializer.Deserialize<SubmissionSubmitted>(Assert.Single(await host.OutboxAsync(nameof(SubmissionSubmitted))), SubmissionCalls.Json)!;
        Assert.True(submittedEvent.Late);
    }

    [Fact]
    public async Task Submitting_at_midnight_on_the_3rd_is_refused_under_refuse_with_a_Vietnamese_reason_and_nothing_changes()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "deadline-refuse", PeriodCalls.Refuse);
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await reporter.DraftAsync("lao-cai.so-khcn");

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        var refused = await reporter.ActAsync(draft, "submit");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal("Ngoài thời hạn nộp báo cáo", problem.GetProperty("title").GetString());
        Assert.StartsWith("Đã quá hạn nộp (trước 00:00 ngày 03/02/2026, giờ Việt Nam); kỳ báo cáo 2026-01 đã khoá.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await (await reporter.GetAsync($"/api/intake/submissions/{draft}", TestContext.Current.CancellationToken)).ReadAsync();
        Assert.Equal(SubmissionStates.Draft, stored.State);
        Assert.Empty(await host.OutboxAsync(nameof(SubmissionSubmitted)));
    }

    [Fact]
    public async Task A_reopening_lets_that_unit_submit_marked_late_until_it_ends_while_another_unit_is_still_refused()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "deadline-reopen", PeriodCalls.Refuse);
        using var khcn = host.Client(SubmissionsHost.Reporter);
        using var taiChinh = host.Client(SubmissionsHost.OtherReporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var khcnDraft = await khcn.DraftAsync("lao-cai.so-khcn");
        var taiChinhDraft = await taiChinh.DraftAsync("lao-cai.so-tc");

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        Assert.Equal(HttpStatusCode.Conflict, (await khcn.ActAsync(khcnDraft, "submit")).StatusCode);
        // Until 17:00 on 4 February, Vietnam time.
        var reopened = await reviewer.ReopenAsync("lao-cai.so-khcn", "2026-02-04T17:00:00+07:00", "Mất kết nối Hệ thống 57 ngày 02/02, chưa kịp gửi.");
        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);

        host.Time.SetUtcNow(new DateTimeOffset(2026, 2, 4, 9, 59, 59, TimeSpan.Zero));
        var submitted = await (await khcn.ActAsync(khcnDraft, "submit")).ReadAsync();
        Assert.Equal((SubmissionStates.Submitted, true), (submitted.State, submitted.Late));

        var other = await taiChinh.ActAsync(taiChinhDraft, "submit");
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("đã khoá", (await other.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_reopening_has_ended_the_unit_is_refused_again_and_told_when_it_ended()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "deadline-reopen-ended", PeriodCalls.Refuse);
        using var khcn = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var draft = await khcn.DraftAsync("lao-cai.so-khcn");

        host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.ReopenAsync("lao-cai.so-khcn", "2026-02-04T17:00:00+07:00", "Mất kết nối.")).StatusCode);
        host.Time.SetUtcNow(new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.Zero));
        var refused = await khcn.ActAsync(draft, "submit");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("Thời hạn mở lại đã hết lúc 17:00 ngày 04/02/2026.", (await refused.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
