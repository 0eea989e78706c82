using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Intake.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Submissions;

public sealed class SubmissionWorkflowTests(PlatformInfrastructure infrastructure)
{
    internal static readonly Dictionary<string, object> Values = new()
    {
        ["A.due"] = 10,
        ["A.backlog"] = 2,
        ["A.onTime"] = 8,
        ["A.late"] = 1,
        ["D1.accepted"] = 3,
        ["D1.total"] = 5,
        ["E3.onTime"] = true,
        ["E3.completion"] = 0.9m,
    };

    [Fact]
    public async Task A_draft_submitted_and_approved_is_stored_with_its_SubmissionApproved_event()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "workflow");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);

        var created = await reporter.PutDraftAsync(Values, comments: "Số liệu tháng 01/2026");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadAsync();
        Assert.Equal((SubmissionStates.Draft, 1, "lao-cai.so-khcn", "lao-cai.so-khcn"), (draft.State, draft.Version, draft.ReportingUnit, draft.TargetUnit));
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var submitted = await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
        Assert.Equal((SubmissionStates.Submitted, false), (submitted.State, submitted.Late));

        var approved = await (await reviewer.ActAsync(draft.Id, "approve", ifMatch: submitted.ETag())).ReadAsync();
        Assert.Equal(SubmissionStates.Approved, approved.State);

        var fetched = await reviewer.GetAsync($"/api/intake/submissions/{draft.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(approved.ETag(), fetched.Headers.ETag?.Tag);
        Assert.Equal(SubmissionStates.Approved, (await fetched.ReadAsync()).State);

        var events = await host.OutboxAsync(nameof(SubmissionApproved));
        var approval = JsonSerializer.Deserialize<SubmissionApproved>(Assert.Single(events), SubmissionCalls.Json)!;
        Assert.Equal((draft.Id, SubmissionsHost.Framework, SubmissionsHost.Period, "lao-cai.so-khcn", approved.Version),
            (approval.SubmissionId, approval.FrameworkId, approval.Period, approval.TargetUnit, approval.Revision));
        Assert.Equal(10m, approval.Values["A.due"].GetDecimal());
        Assert.True(approval.Values["E3.onTime"].GetBoolean());
        using var body = JsonDocument.Parse(events[0]);
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("values").GetProperty("E3.completion").ValueKind);

        await using var db = host.Db();
        Assert.Equal(["approved", "created", "edited", "submitted"],
            (await db.AuditEntries.Where(a => a.EntityType == "submission" && a.EntityId == draft.Id.ToString()).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken)).Order());
        Assert.Equal(Values.Count, await db.SubmissionValueChanges.CountAsync(c => c.SubmissionId == draft.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_returned_submission_is_corrected_resubmitted_and_approved()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "returned");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var submitted = await reporter.SubmittedAsync(Values);

        var missingReason = await reviewer.ActAsync(submitted.Id, "return", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.True((await missingReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var returned = await (await reviewer.ActAsync(submitted.Id, "return", new { reason = "Số nhiệm vụ đến hạn chưa khớp Hệ thống 57" })).ReadAsync();
        Assert.Equal((SubmissionStates.Returned, "Số nhiệm vụ đến hạn chưa khớp Hệ thống 57"), (returned.State, returned.ReturnReason));
        var returnedEvent = JsonSerializer.Deserialize<SubmissionReturned>(Assert.Single(await host.OutboxAsync(nameof(SubmissionReturned))), SubmissionCalls.Json)!;
        Assert.Equal(("Số nhiệm vụ đến hạn chưa khớp Hệ thống 57", submitted.Id), (returnedEvent.Reason, returnedEvent.SubmissionId));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        var corrected = await (await reporter.PutDraftAsync(new Dictionary<string, object>(Values) { ["A.due"] = 11 }, ifMatch: returned.ETag())).ReadAsync();
        Assert.Equal(SubmissionStates.Returned, corrected.State);
        await (await reporter.ActAsync(submitted.Id, "submit")).ReadAsync();
        var approved = await (await reviewer.ActAsync(submitted.Id, "approve")).ReadAsync();

        Assert.Equal((SubmissionStates.Approved, 11m), (approved.State, approved.Values["A.due"].GetDecimal()));
        var approval = JsonSerializer.Deserialize<SubmissionApproved>(Assert.Single(await host.OutboxAsync(nameof(SubmissionApproved))), SubmissionCalls.Json)!;
        Assert.Equal(11m, approval.Values["A.due"].GetDecimal());

        await using var db = host.Db();
        var history = await db.SubmissionValueChanges.Where(c => c.SubmissionId == submitted.Id && c.Key == "A.due")
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Select(c => new { c.OldValue, c.NewValue, c.Channel }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([new { OldValue = (string?)null, NewValue = (string?)"10", Channel = "web" }, new { OldValue = (string?)"10", NewValue = (string?)"11", Channel = "web" }], history);
    }

    [Fact]
    public async Task A_resubmission_shows_the_reviewer_each_return_with_its_reason_and_the_values_as_they_were_returned()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "returns");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var ct = TestContext.Current.CancellationToken;
        var submitted = await reporter.SubmittedAsync(Values);
        var none = await reviewer.GetFromJsonAsync<List<SubmissionReturn>>($"/api/intake/submissions/{submitted.Id}/returns", SubmissionCalls.Json, ct);
        Assert.Empty(none!);

        // Returned twice: first A.due is corrected (10 → 11) and A.late removed, then D1.accepted (3 → 4) — all within the
        // same instant of the test clock: the returns are told apart by what was recorded with them, not by the clock.
        var first = await (await reviewer.ActAsync(submitted.Id, "return", new { reason = "Số nhiệm vụ đến hạn chưa khớp" })).ReadAsync();
        var edited = new Dictionary<string, object>(Values) { ["A.due"] = 11 };
        edited.Remove("A.late");
        await (await reporter.PutDraftAsync(edited, ifMatch: first.ETag())).ReadAsync();
        await (await reporter.ActAsync(submitted.Id, "submit")).ReadAsync();
        var second = await (await reviewer.ActAsync(submitted.Id, "return", new { reason = "Thiếu nhiệm vụ nghiệm thu" })).ReadAsync();
        await (await reporter.PutDraftAsync(new Dictionary<string, object>(edited) { ["D1.accepted"] = 4 }, ifMatch: second.ETag())).ReadAsync();
        await (await reporter.ActAsync(submitted.Id, "submit")).ReadAsync();

        var returns = (await reviewer.GetFromJsonAsync<List<SubmissionReturn>>($"/api/intake/submissions/{submitted.Id}/returns", SubmissionCalls.Json, ct))!;

        Assert.Equal(["Thiếu nhiệm vụ nghiệm thu", "Số nhiệm vụ đến hạn chưa khớp"], returns.Select(r => r.Reason));
        var (latest, earliest) = (returns[0].Values!, returns[1].Values!);
        Assert.Equal((11m, 3m, false), (latest["A.due"].GetDecimal(), latest["D1.accepted"].GetDecimal(), latest.ContainsKey("A.late")));
        Assert.Equal((10m, 3m, 1m), (earliest["A.due"].GetDecimal(), earliest["D1.accepted"].GetDecimal(), earliest["A.late"].GetDecimal()));
        Assert.Equal(SubmissionsHost.Reviewer.Subject, returns[0].ReturnedBy);
        using var stranger = host.Client(SubmissionsHost.ThanhHoaReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/intake/submissions/{submitted.Id}/returns", ct)).StatusCode);
    }

    [Fact]
    public async Task Submitting_after_the_deadline_marks_the_submission_late()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "late");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(Values)).ReadAsync();

        // 00:00 on 3 February in Vietnam: the agencies' deadline for January ("trước ngày 03").
        host.Time.SetUtcNow(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        var submitted = await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();

        Assert.Equal((SubmissionStates.Submitted, true), (submitted.State, submitted.Late));
    }

    [Fact]
    public async Task Approving_twice_or_editing_an_approved_submission_is_a_conflict()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "conflict");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var submitted = await reporter.SubmittedAsync(Values);
        var approved = await (await reviewer.ActAsync(submitted.Id, "approve")).ReadAsync();

        var again = await reviewer.ActAsync(submitted.Id, "approve");
        var edit = await reporter.PutDraftAsync(Values, ifMatch: approved.ETag());
        var resubmit = await reporter.ActAsync(submitted.Id, "submit");

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], [again.StatusCode, edit.StatusCode, resubmit.StatusCode]);
        Assert.Contains("đã phê duyệt", (await again.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await host.OutboxAsync(nameof(SubmissionApproved)));
    }

    [Fact]
    public async Task Submitting_for_a_period_that_has_not_opened_is_refused_and_leaves_the_draft()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "notopen");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutAsync("/api/intake/submissions/monthly-4585/2026-03/lao-cai.so-khcn",
            System.Net.Http.Json.JsonContent.Create(new { values = Values }), TestContext.Current.CancellationToken)).ReadAsync();

        var refused = await reporter.ActAsync(draft.Id, "submit");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("chưa mở", (await refused.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await (await reporter.GetAsync($"/api/intake/submissions/{draft.Id}", TestContext.Current.CancellationToken)).ReadAsync();
        Assert.Equal((SubmissionStates.Draft, draft.Version), (stored.State, stored.Version));
    }

    [Fact]
    public async Task The_audit_log_refuses_to_change_or_lose_a_line()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "auditlog");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        await reporter.SubmittedAsync(Values);

        await using var db = host.Db();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'sửa'", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }
}
