using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Tests.Email;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Workflow;

public sealed class ScoresPublishedPartNoticeTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset At = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Results_in_shuffled_and_repeated_parts_tell_each_unit_what_the_whole_event_tells_it_once_the_last_part_arrives()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var whole = await MailHost.StartAsync(infrastructure, smtp, "wf-parts-whole");
        await using var parts = await MailHost.StartAsync(infrastructure, smtp, "wf-parts-split");
        var leader = MailHost.Leader("chu-tich", MailHost.Province);
        await MailHost.SignInAsync(whole, leader);
        await MailHost.SignInAsync(parts, leader);

        await whole.DeliverAsync(Scores(1));
        await whole.DeliverAsync(Scores(2));

        // Revision 1 in parts of 2 units: Lào Cai's part holds only reported units, yet its rank is said out of the 4 that
        // reported in the whole group, which only the last part shows.
        var first = Split(Scores(1), 2);
        Assert.Equal(3, first.Count);
        var second = Split(Scores(2), 2);
        var idOfPart1 = await parts.DeliverAsync(first[0]);
        await parts.DeliverAsync(first[0], idOfPart1);   // redelivered
        await parts.DeliverAsync(first[0]);              // sent again under another message id
        await parts.DeliverAsync(second[2]);
        await parts.DeliverAsync(first[1]);
        await parts.DeliverAsync(second[0]);
        await using (var db = parts.Db())
            Assert.False(await db.Set<Notification>().AnyAsync(n => n.Kind == NotificationKinds.ResultsPublished || n.Kind == NotificationKinds.ResultsCorrected, Ct));

        await parts.DeliverAsync(first[2]);
        await parts.DeliverAsync(second[1]);
        await parts.DeliverAsync(second[1]);

        var expected = await NoticesAsync(whole);
        Assert.Equal(expected, await NoticesAsync(parts));
        Assert.Contains(expected, n => n.Recipient == "chu-tich@laocai.gov.vn" && n.Body.Contains("Tỉnh Lào Cai đạt 87,5 điểm, xếp loại A, hạng 1/4."));
        Assert.Contains(expected, n => n.Unit == "ha-noi" && n.Body.Contains("Kết quả của đơn vị không thay đổi. Thành phố Hà Nội chưa báo cáo số liệu"));
        Assert.Contains(expected, n => n.Unit == MailHost.Province && n.Body.Contains("Kết quả của đơn vị có thay đổi."));
        await using (var db = parts.Db())
        {
            var causes = await db.Set<Notification>().Where(n => n.Unit == MailHost.Province && n.Kind == NotificationKinds.ResultsPublished)
                .Select(n => n.Cause).Distinct().ToListAsync(Ct);
            Assert.Equal([$"event:{idOfPart1}:{MailHost.Province}"], causes);
            Assert.Equal(6, await db.Set<Platform.Notifications.Workflow.ResultPart>().CountAsync(p => p.Units == null, Ct));
        }
    }

    /// <summary>Every results notice as the recipient sees it (not its id, time or cause), sorted.</summary>
    private static async Task<List<(string Kind, string Channel, string Recipient, string? Unit, string Subject, string Body)>> NoticesAsync(
        ServiceHost<Program, NotificationsDbContext> host)
    {
        await using var db = host.Db();
        var rows = await db.Set<Notification>()
            .Where(n => n.Kind == NotificationKinds.ResultsPublished || n.Kind == NotificationKinds.ResultsCorrected)
            .Select(n => new { n.Kind, n.Channel, n.Recipient, n.Unit, n.Subject, n.Body, n.Html }).ToListAsync(Ct);
        return [.. rows.Select(r => (r.Kind, r.Channel, r.Recipient, r.Unit, r.Subject, r.Body + r.Html)).Order()];
    }

    /// <summary>Five units: Lào Cai first, three more that reported, Hà Nội (not reported) last; revision 2 changes Lào Cai.</summary>
    private static ScoresPublished Scores(int revision)
    {
        PublishedUnitScore Unit(string code, decimal total, string? cls, int rank, bool reported = true) =>
            new(code, total, total, cls, rank, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>(), 0, reported);
        return new(NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)", "2026-11", "provinces", revision,
            revision == 1 ? null : revision - 1, revision == 1 ? null : "Sửa số liệu chỉ tiêu B2 của Lào Cai.",
            revision == 1 ? null : [MailHost.Province],
            [
                Unit(MailHost.Province, revision == 1 ? 87.5m : 88m, "A", 1), Unit("tinh-2", 80m, "A", 2), Unit("tinh-3", 70m, "B", 3),
                Unit("tinh-4", 60m, "C", 4), Unit("ha-noi", 0m, null, 5, reported: false),
            ], At.AddDays(revision - 1));
    }

    private static List<ScoresPublishedPart> Split(ScoresPublished m, int size)
    {
        var chunks = m.Units.Chunk(size).ToList();
        return [.. chunks.Select((units, i) => new ScoresPublishedPart(m.Tenant, m.FrameworkId, m.FrameworkVersion, m.Period, m.PeerGroup,
            m.Revision, m.Supersedes, m.Reason, m.ChangedUnits is null ? null : [.. m.ChangedUnits.Where(c => units.Any(u => u.Unit == c))],
            i + 1, chunks.Count, m.Units.Count, units, m.OccurredAt))];
    }
}
