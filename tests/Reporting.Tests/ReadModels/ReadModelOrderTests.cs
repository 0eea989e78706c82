using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Admin;
using Platform.Reporting.ReadModels;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Reporting.Tests.ReadModels;

public sealed class ReadModelOrderTests(PlatformInfrastructure infrastructure)
{
    private static readonly TestUser Admin = new("quan-tri.vn", ["platform-admin"], OrgUnit: "vn");

    [Fact]
    public async Task Shuffled_duplicated_and_stale_events_give_the_same_tables_as_the_natural_order_and_as_a_rebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        var events = ReadModelWorld.Events();
        await using var natural = await ReportingHost.StartAsync(infrastructure, "readmodels-natural");
        await using var shuffled = await ReportingHost.StartAsync(infrastructure, "readmodels-shuffled");
        foreach (var e in events) await ReadModelWorld.DeliverAsync(natural, e);

        // Reverse order puts every stale revision after the one that replaces it; a fixed shuffle mixes the rest; every
        // third event is redelivered under the message id it first came with.
        var order = events.Reverse().OrderBy(_ => 0).ToList();
        new Random(17).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order)[(order.Count / 2)..]);
        var delivered = new List<Guid>();
        foreach (var (e, i) in order.Select((e, i) => (e, i)))
        {
            var id = await ReadModelWorld.DeliverAsync(shuffled, e);
            delivered.Add(id);
            if (i % 3 == 0) await ReadModelWorld.DeliverAsync(shuffled, e, id);
        }
        await ReadModelWorld.DeliverAsync(shuffled, order[^1], delivered[^1]);

        var expected = await ReadModelWorld.DumpAsync(natural);
        Assert.Equal(expected, await ReadModelWorld.DumpAsync(shuffled));
        await using (var db = shuffled.Db())
        {
            Assert.Equal(events.Count, await db.Set<JournalEntry>().CountAsync(ct));
            // What the tables say, so that equal-but-empty tables cannot pass.
            Assert.Equal("Sở Tài chính tỉnh Lào Cai", (await db.Set<KnownUnit>().SingleAsync(u => u.Code == "lao-cai.so-tc", ct)).Name);
            var current = await db.Set<Publication>().Where(p => p.PeerGroup == "provinces" && p.Framework == "monthly-4585").OrderBy(p => p.Revision)
                .Select(p => new { p.Revision, p.IsCurrent }).ToListAsync(ct);
            Assert.Equal([new { Revision = 1, IsCurrent = false }, new { Revision = 2, IsCurrent = true }], current);
            Assert.Equal(2, await db.Set<OwedReport>().CountAsync(r => r.OverseeingUnit == "lao-cai", ct));
            var returned = await db.Set<SubmissionProgress>().SingleAsync(s => s.SubmissionId == ReadModelWorld.ReturnedSubmission, ct);
            Assert.Equal((SubmissionStates.Submitted, 3, false), (returned.State, returned.Revision, returned.FirstSubmittedLate!.Value));
            var ministry = await db.Set<PublishedScore>().SingleAsync(s => s.PeerGroup == "ministries" && s.Unit == "bo-khcn", ct);
            Assert.Equal((false, (int?)null, (decimal?)null, "{}"), (ministry.Reported, ministry.Rank, ministry.Total, ministry.Groups));
            Assert.Equal(612.35m, (await db.Set<PublishedScore>().SingleAsync(s => s.Framework == "dti-province-405" && s.Unit == "lao-cai", ct)).Total);
            Assert.Equal(2, await db.Set<PeriodClosure>().CountAsync(ct));
        }

        var result = await RebuildAsync(shuffled);
        Assert.Equal((events.Count, (string?)null), (result.Events, result.Error));
        Assert.Equal(expected, await ReadModelWorld.DumpAsync(shuffled));
    }

    [Fact]
    public async Task A_rebuild_is_audited_and_the_status_counts_the_journal_per_event_type()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ReportingHost.StartAsync(infrastructure, "readmodels-rebuild");
        var events = ReadModelWorld.Events();
        foreach (var e in events) await ReadModelWorld.DeliverAsync(host, e);

        var rebuilt = await RebuildAsync(host);
        Assert.Equal((events.Count, Admin.Subject), (rebuilt.Events, rebuilt.StartedBy));
        await using (var db = host.Db())
        {
            var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == RebuildReadModels.AuditEntity, ct);
            Assert.Equal(("rebuilt", Admin.Subject, ReportingHost.Tenant), (audit.Action, audit.By, audit.EntityId));
            Assert.Contains($"{events.Count} sự kiện", audit.Detail);
        }

        var status = await host.Client(Admin).GetFromJsonAsync<ReadModelStatus>("/api/reporting/admin/status", ct);
        Assert.Equal(events.Count, status!.Events);
        Assert.Equal(3, status.Types.Single(t => t.Type == "ObligationsAnnounced").Events);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 3, 0, 0, TimeSpan.Zero), status.LastEventAt);
        Assert.False(status.Rebuild.Running);
    }

    /// <summary>Starts a rebuild (202 at once: it runs in the background) and follows the status until it has finished.</summary>
    private static async Task<RebuildState> RebuildAsync(ServiceHost<Program, Data.ReportingDbContext> host)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await host.Client(Admin).PostAsync("/api/reporting/admin/rebuild", null, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("/api/reporting/admin/status", response.Headers.Location?.ToString());
        Assert.True((await response.Content.ReadFromJsonAsync<RebuildState>(ct))!.Running);
        var status = await Eventually.WaitForAsync(() => host.Client(Admin).GetFromJsonAsync<ReadModelStatus>("/api/reporting/admin/status", ct)!,
            s => s is { Rebuild.Running: false }, TimeSpan.FromSeconds(60), "the rebuild to finish");
        return status!.Rebuild;
    }

    [Fact]
    public async Task A_rebuild_is_refused_to_anyone_but_a_platform_administrator_of_the_national_root()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ReportingHost.StartAsync(infrastructure, "readmodels-refused");
        foreach (var e in ReadModelWorld.Events().Take(7)) await ReadModelWorld.DeliverAsync(host, e);

        var reviewer = await host.Client(new TestUser("tham-dinh.vn", ["reviewer"], OrgUnit: "vn")).PostAsync("/api/reporting/admin/rebuild", null, ct);
        var provinceAdmin = await host.Client(new TestUser("quan-tri.lao-cai", ["platform-admin"], OrgUnit: "lao-cai"))
            .PostAsync("/api/reporting/admin/rebuild", null, ct);
        var anonymous = await host.Client().PostAsync("/api/reporting/admin/rebuild", null, ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            (reviewer.StatusCode, provinceAdmin.StatusCode, anonymous.StatusCode));
        Assert.Contains("cấp trung ương", await provinceAdmin.Content.ReadAsStringAsync(ct));
        await using var db = host.Db();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.EntityType == RebuildReadModels.AuditEntity, ct));
        Assert.Equal(6, await db.Set<KnownUnit>().CountAsync(ct));
    }
}
