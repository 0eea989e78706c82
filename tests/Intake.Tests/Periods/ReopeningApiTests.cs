using System.Net;
using System.Text.Json;
using Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Intake.Periods;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Periods;

/// <summary>Reopenings through the API, at 00:00 on 3 February 2026 (Vietnam), just after the agencies' deadline of 2026-01.</summary>
public sealed class ReopeningApiTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Reason = "Sở Tài chính mất điện ngày 02/02, chưa gửi kịp số liệu.";
    private const string Until = "2026-02-05T12:00:00+07:00";
    private ServiceHost<Program, IntakeDbContext> _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SubmissionsHost.StartAsync(infrastructure, "reopenings");
        _host.Time.SetUtcNow(PeriodCalls.AgencyDeadline);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_reopening_is_stored_with_an_audit_line_giving_the_reason_and_the_end_in_Vietnam_time()
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        var created = await reviewer.ReopenAsync("lao-cai.so-tc", Until, Reason);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<ReopeningView>();
        Assert.Equal(("lao-cai.so-tc", new DateTimeOffset(2026, 2, 5, 5, 0, 0, TimeSpan.Zero), "05/02/2026 12:00", Reason, SubmissionsHost.Reviewer.Subject, true),
            (view.Unit, view.Until, view.UntilDisplay, view.Reason, view.By, view.Running));
        await using var db = _host.Db();
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "period" && a.EntityId == "monthly-4585/2026-01/lao-cai.so-tc")
            .ToListAsync(TestContext.Current.CancellationToken);
        var line = Assert.Single(audit, a => a.Detail!.Contains(Reason, StringComparison.Ordinal));
        Assert.Equal(("reopened", SubmissionsHost.Reviewer.Subject, PeriodCalls.AgencyDeadline), (line.Action, line.By, line.At));
        Assert.Equal($"Mở lại đến 12:00 ngày 05/02/2026 (giờ Việt Nam). Lý do: {Reason}", line.Detail);
    }

    [Fact]
    public async Task A_reopening_publishes_PeriodReopened_through_the_outbox_and_a_refused_one_publishes_nothing()
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        var refused = await reviewer.ReopenAsync("lao-cai.so-gddt", Until, " ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var view = await (await reviewer.ReopenAsync("lao-cai.so-gddt", Until, Reason)).ReadAsync<ReopeningView>();

        var events = (await _host.OutboxAsync(nameof(PeriodReopened)))
            .Select(b => JsonSerializer.Deserialize<PeriodReopened>(b, SubmissionCalls.Json)!)
            .Where(e => e.Unit == "lao-cai.so-gddt").ToList();
        Assert.Equal(new PeriodReopened(view.Id, "national", "monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "2026-01", "lao-cai.so-gddt",
            new DateTimeOffset(2026, 2, 5, 5, 0, 0, TimeSpan.Zero), Reason, SubmissionsHost.Reviewer.Subject, PeriodCalls.AgencyDeadline), Assert.Single(events));
    }

    [Fact]
    public async Task Reopenings_are_listed_only_within_the_callers_subtree()
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.ReopenAsync("lao-cai.so-khcn", Until, "Cần bổ sung chỉ tiêu A.")).StatusCode);

        async Task<List<string>> UnitsSeenBy(TestUser user)
        {
            using var client = _host.Client(user);
            var list = await (await client.GetAsync(PeriodCalls.ReopeningsPath, TestContext.Current.CancellationToken)).ReadAsync<List<ReopeningView>>();
            return list.Select(r => r.Unit).Distinct().ToList();
        }

        Assert.Contains("lao-cai.so-khcn", await UnitsSeenBy(SubmissionsHost.Reviewer));
        Assert.Equal(["lao-cai.so-khcn"], await UnitsSeenBy(SubmissionsHost.Reporter));
        Assert.DoesNotContain("lao-cai.so-khcn", await UnitsSeenBy(SubmissionsHost.OtherReporter));
        Assert.Empty(await UnitsSeenBy(SubmissionsHost.ThanhHoaReviewer));
    }

    [Fact]
    public async Task A_reopening_without_a_reason_is_refused_with_errors_reason_and_nothing_is_stored()
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        var response = await reviewer.ReopenAsync("lao-cai.so-xd", Until, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Equal("Phải ghi rõ lý do mở lại kỳ báo cáo.", errors.GetProperty("reason")[0].GetString());
        Assert.False(errors.TryGetProperty("until", out _));
        await AssertNothingStoredFor("lao-cai.so-xd");
    }

    [Fact]
    public async Task A_reviewer_of_another_province_gets_404_and_nothing_is_stored()
    {
        using var thanhHoa = _host.Client(SubmissionsHost.ThanhHoaReviewer);

        var response = await thanhHoa.ReopenAsync("lao-cai.so-yt", Until, Reason);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy", (await response.ProblemAsync()).GetProperty("title").GetString());
        await AssertNothingStoredFor("lao-cai.so-yt");
    }

    [Theory]
    [InlineData("2026-02-03T00:00:00+07:00", "Thời hạn mở lại (00:00 ngày 03/02/2026, giờ Việt Nam) phải sau thời điểm hiện tại.")]
    [InlineData("2026-03-06T00:00:01+07:00", "Thời hạn mở lại không được quá 31 ngày kể từ bây giờ (muộn nhất 00:00 ngày 06/03/2026, giờ Việt Nam).")]
    [InlineData("2026-02-05T12:00:00", "Thời hạn mở lại (until) phải là thời điểm ISO-8601 có múi giờ, ví dụ 2026-02-05T17:00:00+07:00.")]
    [InlineData(null, "Thời hạn mở lại (until) phải là thời điểm ISO-8601 có múi giờ, ví dụ 2026-02-05T17:00:00+07:00.")]
    public async Task A_reopening_must_end_in_the_future_within_31_days_and_say_its_time_zone(string? until, string message)
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        var response = await reviewer.ReopenAsync("lao-cai.so-gddt", until, Reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ProblemAsync()).GetProperty("errors").GetProperty("until")[0].GetString());
        await AssertNothingStoredFor("lao-cai.so-gddt");
    }

    [Theory]
    [InlineData("monthly-4585", "2026-13", "period")]
    [InlineData("monthly-4585", "2026", "period")]
    [InlineData("no-such-framework", "2026-01", "framework")]
    public async Task A_reopening_of_a_period_the_calendar_does_not_know_is_refused_naming_the_period_or_the_unknown_framework(string framework, string period, string field)
    {
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        var response = await reviewer.ReopenAsync("lao-cai.so-khcn", Until, Reason, $"/api/intake/periods/{framework}/{period}/reopenings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Only_a_reviewer_may_reopen_and_not_for_its_own_unit()
    {
        using var reporter = _host.Client(SubmissionsHost.Reporter);
        using var reviewer = _host.Client(SubmissionsHost.Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.ReopenAsync("lao-cai.so-khcn", Until, Reason)).StatusCode);
        var own = await reviewer.ReopenAsync("lao-cai", Until, Reason);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("chính đơn vị mình", (await own.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredFor("lao-cai");
    }

    private async Task AssertNothingStoredFor(string unit)
    {
        await using var db = _host.Db();
        Assert.False(await db.Reopenings.AnyAsync(r => r.Unit == unit, TestContext.Current.CancellationToken));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "period" && a.EntityId.EndsWith("/" + unit), TestContext.Current.CancellationToken));
    }
}
