using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Intake.Assignments;
using Platform.Intake.Data;
using Platform.Intake.Obligations;
using Platform.Intake.Tests.Assignments;
using Platform.Intake.Tests.Periods;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Time;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Obligations;

/// <summary>
/// The announcer at 10:00 on 2 February 2026 (Vietnam) over the shipped units and assignments: 2026-01 of monthly-4585
/// is open until the 3rd for Lào Cai's departments and until the 5th for the ministries. Rounds are driven directly; the
/// hosted announcer runs too (at start-up and whenever an assignment changes), so every assertion also holds with a
/// second announcer running at the same time.
/// </summary>
public sealed class ObligationsAnnouncerTests(PlatformInfrastructure infrastructure)
{
    private const string Monthly = "monthly-4585";
    private const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_announcement_lists_every_assigned_report_with_its_deadline_and_overseeing_unit()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "owed-first");
        await host.Services.GetRequiredService<ObligationsAnnouncer>().AnnounceAsync(Ct);

        // Lào Cai's six departments report for the province, to the province, before 00:00 on 3 February (Vietnam).
        var laoCai = Assert.Single(await AnnouncedAsync(host, "2026-01", "agency-to-province", "lao-cai"));
        Assert.Equal((Version, 1, PeriodCalls.AgencyDeadline, SubmissionsHost.Now), (laoCai.FrameworkVersion, laoCai.Revision, laoCai.DueAt, laoCai.OccurredAt));
        Assert.Equal(new DateTime(2026, 2, 3, 0, 0, 0), VietnamTime.ToVietnam(laoCai.DueAt).DateTime);
        Assert.Equal(["lao-cai.cong-an", "lao-cai.so-khcn", "lao-cai.so-tc", "lao-cai.tt-cntt", "lao-cai.tt-pvhcc", "lao-cai.vp-ubnd"],
            laoCai.Reports.Select(r => r.ReportingUnit));
        Assert.All(laoCai.Reports, r => Assert.Equal(("lao-cai", "lead"), (r.TargetUnit, r.Role)));
        var shipped = AssignmentSeeder.ShippedAssignments().Single(a => a.FrameworkId == Monthly && a.ReportingUnit == "lao-cai.so-khcn");
        Assert.Equal(shipped.InputKeys.Order(StringComparer.Ordinal), laoCai.Reports.Single(r => r.ReportingUnit == "lao-cai.so-khcn").InputKeys);

        // The ministries report on themselves, to the national root (their parent), before 00:00 on 5 February.
        var national = Assert.Single(await AnnouncedAsync(host, "2026-01", "to-national", "vn"));
        Assert.Equal(new DateTime(2026, 2, 5, 0, 0, 0), VietnamTime.ToVietnam(national.DueAt).DateTime);
        Assert.Equal(22, national.Reports.Count);
        Assert.All(national.Reports, r => Assert.Equal(r.ReportingUnit, r.TargetUnit));
        Assert.Contains(national.Reports, r => r.ReportingUnit == "bkhcn");
        // A province owes nothing itself (its inputs are its departments'), so no report of Lào Cai's own goes to the root.
        Assert.DoesNotContain(national.Reports, r => r.ReportingUnit == "lao-cai");

        // February has opened too (due in March). A restarted replica (nothing remembered in memory) recomputes every set,
        // finds each hash already recorded and announces nothing.
        Assert.Single(await AnnouncedAsync(host, "2026-02", "agency-to-province", "lao-cai"));
        var before = (await host.OutboxAsync(nameof(ObligationsAnnounced))).Count;
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<ObligationsAnnouncer>(host.Services).AnnounceAsync(Ct));
        Assert.Equal(before, (await host.OutboxAsync(nameof(ObligationsAnnounced))).Count);
    }

    [Fact]
    public async Task An_edited_assignment_wakes_the_announcer_and_gives_revision_2_with_the_new_set()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "owed-edit");
        await host.Services.GetRequiredService<ObligationsAnnouncer>().AnnounceAsync(Ct);
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        var soTc = Assert.Single(await admin.AssignmentsAsync($"framework={Monthly}&reportingUnit=lao-cai.so-tc"));

        var edited = await (await admin.EditAssignmentAsync(soTc, new { inputKeys = new[] { "A.*" } })).ReadAssignmentAsync();

        // No round is driven and the clock stands still: only the wake-up from the edit can announce it.
        var latest = await Eventually.WaitForAsync(() => AnnouncedAsync(host, "2026-01", "agency-to-province", "lao-cai"),
            events => events.Count == 2, TimeSpan.FromSeconds(30), "revision 2 of Lào Cai's 2026-01 set");
        Assert.Equal([1, 2], latest.Select(e => e.Revision));
        Assert.Equal(edited.InputKeys.Order(StringComparer.Ordinal), latest[1].Reports.Single(r => r.ReportingUnit == "lao-cai.so-tc").InputKeys);
        Assert.NotEqual(latest[0].Reports.Single(r => r.ReportingUnit == "lao-cai.so-tc").InputKeys, latest[1].Reports.Single(r => r.ReportingUnit == "lao-cai.so-tc").InputKeys);
        // The other sets did not change and are not announced again.
        Assert.Single(await AnnouncedAsync(host, "2026-01", "to-national", "vn"));
        Assert.Single(await AnnouncedAsync(host, "2026-01", "agency-to-province", "thanh-hoa"));
    }

    [Fact]
    public async Task Two_replicas_announcing_the_same_change_publish_it_once()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "owed-replicas");
        var first = host.Services.GetRequiredService<ObligationsAnnouncer>();
        var second = ActivatorUtilities.CreateInstance<ObligationsAnnouncer>(host.Services);
        await Task.WhenAll(first.AnnounceAsync(Ct), second.AnnounceAsync(Ct));
        using var admin = host.Client(AssignmentCalls.LaoCaiAdmin);
        var soTc = Assert.Single(await admin.AssignmentsAsync($"framework={Monthly}&reportingUnit=lao-cai.so-tc"));
        await (await admin.EditAssignmentAsync(soTc, new { inputKeys = new[] { "B.*" } })).ReadAssignmentAsync();

        var counts = await Task.WhenAll(first.AnnounceAsync(Ct), second.AnnounceAsync(Ct));

        // The hosted announcer, woken by the edit, may have been first: then both rounds find nothing to do.
        Assert.InRange(counts.Sum(), 0, 2);
        Assert.Equal([1, 2], (await AnnouncedAsync(host, "2026-01", "agency-to-province", "lao-cai")).Select(e => e.Revision));
        Assert.Equal([1, 2], (await AnnouncedAsync(host, "2026-02", "agency-to-province", "lao-cai")).Select(e => e.Revision));
        Assert.Equal([1], (await AnnouncedAsync(host, "2026-01", "to-national", "vn")).Select(e => e.Revision));
    }

    [Fact]
    public async Task A_closed_assignment_disappears_from_the_set_and_a_set_left_empty_is_announced_empty_once()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "owed-closed");
        var announcer = host.Services.GetRequiredService<ObligationsAnnouncer>();
        await announcer.AnnounceAsync(Ct);
        // Như Thanh (a commune) owes its own NQ57 self-assessment to its province; nobody else is assigned it.
        var nhuThanh = Assert.Single(await AnnouncedAsync(host, "2026", framework: "nq57-self-2026"));
        Assert.Equal("thanh-hoa", nhuThanh.OverseeingUnit);
        Assert.Equal(["thanh-hoa.nhu-thanh"], nhuThanh.Reports.Select(r => r.ReportingUnit));

        using var laoCai = host.Client(AssignmentCalls.LaoCaiAdmin);
        var soTc = Assert.Single(await laoCai.AssignmentsAsync($"framework={Monthly}&reportingUnit=lao-cai.so-tc"));
        await CloseAsync(laoCai, soTc);
        using var thanhHoa = host.Client(AssignmentCalls.ThanhHoaAdmin);
        await CloseAsync(thanhHoa, Assert.Single(await thanhHoa.AssignmentsAsync("framework=nq57-self-2026&reportingUnit=thanh-hoa.nhu-thanh")));
        await announcer.AnnounceAsync(Ct);
        await announcer.AnnounceAsync(Ct);

        var laoCaiSets = await AnnouncedAsync(host, "2026-01", "agency-to-province", "lao-cai");
        Assert.Equal([1, 2], laoCaiSets.Select(e => e.Revision));
        Assert.Contains(laoCaiSets[0].Reports, r => r.ReportingUnit == "lao-cai.so-tc");
        Assert.Equal(5, laoCaiSets[1].Reports.Count);
        Assert.DoesNotContain(laoCaiSets[1].Reports, r => r.ReportingUnit == "lao-cai.so-tc");
        // Nothing is owed under Thanh Hóa for NQ57 any more: said once, with an empty set.
        var nq57 = await AnnouncedAsync(host, "2026", framework: "nq57-self-2026");
        Assert.Equal([1, 2], nq57.Select(e => e.Revision));
        Assert.Empty(nq57[1].Reports);
        Assert.Equal(nq57[0].DueAt, nq57[1].DueAt);
    }

    private static async Task CloseAsync(HttpClient admin, AssignmentView assignment)
    {
        // Ends today (2 February 2026): the assignment no longer applies from today.
        var response = await admin.PostAsJsonAsync($"/api/intake/assignments/{assignment.Id}/close",
            new { validTo = "2026-02-02", reason = "Chuyển nhiệm vụ cho đơn vị khác." }, Ct);
        await response.ReadAssignmentAsync();
    }

    /// <summary>The announcements of one set, oldest first.</summary>
    private static async Task<List<ObligationsAnnounced>> AnnouncedAsync(ServiceHost<Program, IntakeDbContext> host, string period,
        string? level = null, string? overseeing = null, string framework = Monthly) =>
        (await host.OutboxAsync(nameof(ObligationsAnnounced)))
            .Select(body => JsonSerializer.Deserialize<ObligationsAnnounced>(body, SubmissionCalls.Json)!)
            .Where(e => e.FrameworkId == framework && e.Period == period && (level is null || e.Level == level)
                        && (overseeing is null || e.OverseeingUnit == overseeing))
            .OrderBy(e => e.Revision)
            .ToList();
}
