using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.Notifications.Inbox;
using Platform.Notifications.Tests.Email;
using Platform.TestSupport;
using Platform.TestSupport.Mail;

namespace Platform.Notifications.Tests.Workflow;

public sealed class WorkflowNoticeTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset At = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam

    [Fact]
    public async Task Published_monthly_scores_tell_each_province_its_own_result_and_a_correction_is_a_second_notice()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "wf-scores");
        var leader = MailHost.Leader("chu-tich", MailHost.Province);
        await MailHost.SignInAsync(host, leader);

        await host.DeliverAsync(Scores(1, null));
        var page = (await host.Client(leader).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!;
        var item = Assert.Single(page.Items);
        Assert.Equal("Công bố kết quả", item.KindName);
        Assert.Contains("tháng 11/2026", item.Subject);
        Assert.Contains("Tỉnh Lào Cai đạt 87,5 điểm, xếp loại A, hạng 1/1.", item.Body);
        Assert.Contains("10/12/2026 10:00", item.Body);
        Assert.Equal("/ket-qua", item.Link);
        var reporterOfHanoi = (await host.Client(MailHost.Reporter("ha-noi-1", "ha-noi")).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!;
        Assert.Contains("Thành phố Hà Nội chưa báo cáo số liệu tháng 11/2026", Assert.Single(reporterOfHanoi.Items).Body);

        var mail = (await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages), m => m.Count >= 1, TimeSpan.FromSeconds(30), "the leader's e-mail")).Single();
        Assert.Equal(["chu-tich@laocai.gov.vn"], mail.EnvelopeTo);
        Assert.Contains($"{MailHost.WebBaseUrl}/ket-qua", mail.Text);
        Assert.Contains("lãnh đạo của Tỉnh Lào Cai", mail.Text);

        await host.DeliverAsync(Scores(2, "Sửa số liệu chỉ tiêu B2 của Lào Cai."));
        var after = (await host.Client(leader).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!;
        Assert.Equal(2, after.Total);
        var correction = after.Items.Single(i => i.Kind == NotificationKinds.ResultsCorrected);
        Assert.Contains("Lý do đính chính: Sửa số liệu chỉ tiêu B2 của Lào Cai.", correction.Body);
        Assert.Contains("Kết quả của đơn vị có thay đổi.", correction.Body);
    }

    [Fact]
    public async Task Approval_reopening_and_a_bonus_decision_reach_the_units_people_with_names_and_Vietnam_time()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "wf-various");
        var reporter = MailHost.Reporter("lan");
        var leader = MailHost.Leader("giam-doc");
        await MailHost.SignInAsync(host, leader);

        await host.DeliverAsync(new SubmissionApproved(Guid.NewGuid(), NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)",
            "2026-11", MailHost.Department, MailHost.Department, new Dictionary<string, System.Text.Json.JsonElement>(), Late: true, "reviewer", 1, At));
        await host.DeliverAsync(new PeriodReopened(Guid.NewGuid(), NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)", "2026-10",
            MailHost.Department, new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.Zero), "Bổ sung số liệu còn thiếu.", "reviewer", At));
        await host.DeliverAsync(new BonusDecided(Guid.NewGuid(), NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)", "2026-11",
            MailHost.Department, "approved", 2.5m, "Kết quả nổi bật về chuyển đổi số.", "approver", At));

        var items = (await host.Client(reporter).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!.Items;
        Assert.Equal(3, items.Count);
        Assert.Contains("(báo cáo nộp muộn)", items.Single(i => i.Kind == NotificationKinds.SubmissionApproved).Body);
        var reopened = items.Single(i => i.Kind == NotificationKinds.PeriodReopened);
        Assert.Contains("tháng 10/2026", reopened.Subject);
        Assert.Contains("trước 15/12/2026 17:00", reopened.Body);
        Assert.Equal("/nhap-lieu/monthly-4585/2026-10/lao-cai.so-tc", reopened.Link);
        var bonus = items.Single(i => i.Kind == NotificationKinds.BonusDecided);
        Assert.Contains("được chấp thuận: 2,5 điểm", bonus.Body);
        Assert.Equal("/diem-thuong", bonus.Link);

        // The leader is mailed the reopening and the bonus (no focal point registered, no reporter signed in).
        var mails = await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages), m => m.Count >= 2, TimeSpan.FromSeconds(30), "the leader's e-mails");
        Assert.All(mails, m => Assert.Equal(["giam-doc@laocai.gov.vn"], m.EnvelopeTo));
        Assert.Contains(mails, m => m.Subject.StartsWith("Điểm thưởng tháng 11/2026 của Sở Tài chính tỉnh Lào Cai"));
    }

    [Fact]
    public async Task A_published_dx_index_tells_each_province_its_index_and_rank()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await MailHost.StartAsync(infrastructure, smtp, "wf-dti");
        var reporter = MailHost.Reporter("lan", MailHost.Province);
        var id = await host.DeliverAsync(new DxIndexPublished(NotificationsHost.Tenant, "dti-province-405", "405/QĐ-BKHCN (03/4/2025)", "2025", 1, null, null, null,
            [new PublishedProvinceIndex(MailHost.Province, true, 0.6234m, 1, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>())], At));

        var item = Assert.Single((await host.Client(reporter).GetFromJsonAsync<InboxPage>("/api/notifications/inbox", Ct))!.Items);
        Assert.Contains("Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh năm 2025", item.Subject);
        Assert.Contains("đạt 0,62 điểm, xếp hạng 1/1", item.Body);
        Assert.Equal("/ket-qua/chi-so-cds", item.Link);
        await using var db = host.Db();
        Assert.Equal($"event:{id}:{MailHost.Province}", (await db.Notifications.FirstAsync(Ct)).Cause);
    }

    private static ScoresPublished Scores(int revision, string? reason) => new(NotificationsHost.Tenant, MailHost.Framework, "4585/QĐ-BKHCN (30/12/2025)",
        "2026-11", "provinces", revision, revision == 1 ? null : revision - 1, reason, revision == 1 ? null : [MailHost.Province],
        [
            new PublishedUnitScore(MailHost.Province, 87.5m, 87.4999m, "A", 1, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>(), 0),
            new PublishedUnitScore("ha-noi", 0, 0, null, 2, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>(), 0, Reported: false),
        ], At);
}
