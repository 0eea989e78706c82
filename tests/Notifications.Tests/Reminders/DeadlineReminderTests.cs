using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;
using Platform.Notifications.Reminders;
using Platform.Notifications.Scheduling;
using Platform.TestSupport;
using static Platform.Notifications.Tests.Reminders.DeadlineWorld;

namespace Platform.Notifications.Tests.Reminders;

public sealed class DeadlineReminderTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_units_that_still_owe_are_reminded_at_08_00_three_working_days_before_the_last_day()
    {
        await using var host = await StartAsync(infrastructure, "remind", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        await SignInAsync(host, FinanceReporter, ScienceReporter, FinanceLeader, ProvinceReviewer);
        await RegisterFocalPointsAsync(host, FinanceReporter, ("Đỗ Thị Giang", "Giang.DT@stc.laocai.gov.vn"));
        // Interior's approval arrives before the announcement; Science has handed in.
        await host.DeliverAsync(Approved(Guid.NewGuid(), Interior, 3));
        await host.DeliverAsync(Announcement(1));
        await host.DeliverAsync(Submitted(Guid.NewGuid(), Science, 2));

        await RunAtAsync(host, Vn(2026, 12, 1, 7, 59));
        Assert.Empty(await NotificationsAsync(host));

        await RunAtAsync(host, Vn(2026, 12, 1, 8));
        var sent = await NotificationsAsync(host);
        // Finance only: its focal point (not its reporter, who signed in) by e-mail, its reporters in the app.
        Assert.Equal(
            [("email", "giang.dt@stc.laocai.gov.vn"), ("in-app", "unit:lao-cai.so-tc:reporter")],
            sent.Select(n => (n.Channel, n.Recipient)).ToList());
        Assert.All(sent, n =>
        {
            Assert.Equal(NotificationKinds.DeadlineReminder, n.Kind);
            Assert.Equal("reminder:monthly-4585:2026-11:agency-to-province:lao-cai.so-tc:3wd-0800", n.Cause);
            Assert.True(n.Legal);
            Assert.Equal("/viec-cua-toi", n.Link);
            Assert.Equal("Nhắc hạn: báo cáo tháng 11/2026 của Sở Tài chính tỉnh Lào Cai — hạn 04/12/2026", n.Subject);
            Assert.Contains("Hạn nộp: trước 05/12/2026 00:00 (giờ Việt Nam).", n.Body);
            Assert.Contains("Bộ chỉ số đánh giá chuyển đổi số hằng tháng", n.Body);
            Assert.Contains("- Báo cáo về Tỉnh Lào Cai: 3 chỉ tiêu (A.due, A.onTime, D1.count) — chưa bắt đầu", n.Body);
            Assert.Contains("https://cds.test/viec-cua-toi", n.Body);
        });
        var mail = sent.Single(n => n.Channel == Channels.Email);
        Assert.Equal(NotificationStates.Pending, mail.State);
        Assert.StartsWith("Kính gửi Đỗ Thị Giang,", mail.Body);
        Assert.Contains("<a href=\"https://cds.test/viec-cua-toi\">", mail.Html);

        // Running again, and the announcement redelivered, write nothing more.
        await RunAtAsync(host, Vn(2026, 12, 1, 9));
        await host.DeliverAsync(Announcement(1));
        Assert.Equal(2, (await NotificationsAsync(host)).Count);
    }

    [Fact]
    public async Task A_returned_report_is_reminded_again_and_the_reminders_come_at_the_planned_instants()
    {
        await using var host = await StartAsync(infrastructure, "returned", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        var submission = Guid.NewGuid();
        await host.DeliverAsync(Announcement(1));
        await host.DeliverAsync(Submitted(submission, Science, 1));
        await host.DeliverAsync(Approved(Guid.NewGuid(), Interior, 1));

        await RunAtAsync(host, Vn(2026, 12, 1, 8));
        Assert.DoesNotContain(await NotificationsAsync(host), n => n.Unit == Science);

        await host.DeliverAsync(Returned(submission, Science, 2));
        // A stale "submitted" (revision 1 again, redelivered late) does not undo the return.
        await host.DeliverAsync(Submitted(submission, Science, 1));
        await RunAtAsync(host, Vn(2026, 12, 3, 8));
        var science = (await NotificationsAsync(host)).Where(n => n.Unit == Science).ToList();
        var reminder = Assert.Single(science);
        Assert.Equal("reminder:monthly-4585:2026-11:agency-to-province:lao-cai.so-khcn:1wd-0800", reminder.Cause);
        Assert.Contains("— bị trả lại", reminder.Body);

        var schedule = await host.Client(ProvinceReviewer).GetFromJsonAsync<ReminderSchedule>(
            $"/api/notifications/reminders?framework={Framework}&period={Period}", Ct);
        Assert.Equal(
            [("reminder", "01/12/2026 08:00", "done"), ("reminder", "03/12/2026 08:00", "done"), ("reminder", "04/12/2026 08:00", "pending"),
             ("escalation-leader", "07/12/2026 08:00", "pending"), ("escalation-reviewer", "09/12/2026 08:00", "pending")],
            schedule!.Items.Select(i => (i.Kind, i.DueAtVietnam, i.State)).ToList());
        Assert.All(schedule.Items, i => Assert.Equal("Bộ chỉ số đánh giá chuyển đổi số hằng tháng", i.FrameworkName));
    }

    [Fact]
    public async Task After_the_deadline_the_leaders_are_told_first_and_two_working_days_later_one_notice_lists_every_overdue_unit_for_the_reviewers()
    {
        await using var host = await StartAsync(infrastructure, "escalate", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        await SignInAsync(host, FinanceLeader, ScienceLeader, ProvinceReviewer);
        await host.DeliverAsync(Announcement(1));
        await host.DeliverAsync(Submitted(Guid.NewGuid(), Interior, 1));

        await RunAtAsync(host, Vn(2026, 12, 7, 7, 59));
        Assert.Empty(await NotificationsAsync(host, NotificationKinds.DeadlineEscalation));

        await RunAtAsync(host, Vn(2026, 12, 7, 8));
        var leaders = await NotificationsAsync(host, NotificationKinds.DeadlineEscalation);
        Assert.Equal(
            [("email", "binh.tt@stc.laocai.gov.vn"), ("in-app", "unit:lao-cai.so-tc:leader"),
             ("email", "dung.pt@skhcn.laocai.gov.vn"), ("in-app", "unit:lao-cai.so-khcn:leader")],
            leaders.OrderBy(n => n.Unit == Science).ThenBy(n => n.Channel).Select(n => (n.Channel, n.Recipient)).ToList());
        Assert.Contains(leaders, n => n.Subject == "Quá hạn: báo cáo tháng 11/2026 của Sở Tài chính tỉnh Lào Cai — hạn 04/12/2026");

        await RunAtAsync(host, Vn(2026, 12, 9, 7, 59));
        Assert.Equal(4, (await NotificationsAsync(host, NotificationKinds.DeadlineEscalation)).Count);

        // Finance hands in late before the reviewers are told: the reviewers' list has Science only.
        await host.DeliverAsync(Submitted(Guid.NewGuid(), Finance, 1));
        await RunAtAsync(host, Vn(2026, 12, 9, 8));
        var reviewers = (await NotificationsAsync(host, NotificationKinds.DeadlineEscalation)).Where(n => n.Unit == Province).ToList();
        Assert.Equal([("email", "em.hv@laocai.gov.vn"), ("in-app", "unit:lao-cai:reviewer")], reviewers.Select(n => (n.Channel, n.Recipient)).ToList());
        Assert.All(reviewers, n =>
        {
            Assert.Equal("escalation:reviewer:monthly-4585:2026-11:agency-to-province:lao-cai", n.Cause);
            Assert.Equal("/tinh-hinh-bao-cao", n.Link);
            Assert.Equal("Quá hạn: 1 đơn vị chưa nộp báo cáo tháng 11/2026 cho Tỉnh Lào Cai — hạn 04/12/2026", n.Subject);
            Assert.Contains("Sở Khoa học và Công nghệ tỉnh Lào Cai:", n.Body);
            Assert.Contains("- Báo cáo về Tỉnh Lào Cai: 1 chỉ tiêu (E3.onTime) — chưa bắt đầu", n.Body);
            Assert.DoesNotContain("Sở Tài chính", n.Body);
        });
    }

    [Fact]
    public async Task A_deadline_announced_late_skips_the_passed_reminders_but_sends_the_last_one_at_once()
    {
        await using var host = await StartAsync(infrastructure, "late", Vn(2026, 12, 4, 10));
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Announcement(1, null, Finance));

        await using (var db = host.Db())
        {
            var states = await db.Set<ScheduledJob>().Where(j => j.Kind == JobKinds.Reminder).OrderBy(j => j.DueAt)
                .Select(j => j.State).ToListAsync(Ct);
            Assert.Equal([JobStates.Skipped, JobStates.Skipped, JobStates.Pending], states);
        }
        await RunAtAsync(host, Vn(2026, 12, 4, 10));
        var sent = Assert.Single(await NotificationsAsync(host));
        Assert.EndsWith(":0wd-0800", sent.Cause);
    }

    [Fact]
    public async Task The_NQ57_window_closing_at_09_00_is_reminded_at_08_00_that_morning()
    {
        await using var host = await StartAsync(infrastructure, "nq57", Vn(2026, 6, 1, 10));
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Announcement(1, Vn(2026, 6, 19, 9), Commune) with { FrameworkId = "nq57-self-2026", Period = "2026-r1" });

        await RunAtAsync(host, Vn(2026, 6, 19, 7, 59));
        Assert.Equal(2, (await NotificationsAsync(host)).Count); // 16/06 and 18/06
        await RunAtAsync(host, Vn(2026, 6, 19, 8));
        var last = (await NotificationsAsync(host)).Single(n => n.Cause.EndsWith(":0wd-0800", StringComparison.Ordinal));
        Assert.Equal("Nhắc hạn: báo cáo đợt 2026-r1 của Xã Bắc Hà — hạn 19/06/2026", last.Subject);
        Assert.Contains("Hạn nộp: trước 19/06/2026 09:00 (giờ Việt Nam).", last.Body);
    }

    [Fact]
    public async Task Reminder_settings_are_changed_only_by_the_root_administrator_and_every_problem_is_named_at_once()
    {
        await using var host = await StartAsync(infrastructure, "settings", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Announcement(1));

        var defaults = await host.Client(FinanceReporter).GetFromJsonAsync<ReminderSettings>("/api/notifications/reminder-settings", Ct);
        Assert.Equal([new ReminderOffset(3, "08:00"), new ReminderOffset(1, "08:00"), new ReminderOffset(0, "08:00")], defaults!.Offsets);
        Assert.Contains("02/09/2026", defaults.Holidays);

        var provinceAdmin = new Platform.TestSupport.Security.TestUser("quan-tri.lao-cai", [Platform.ServiceDefaults.Security.PlatformRoles.PlatformAdmin], OrgUnit: Province);
        using var forbidden = await host.Client(provinceAdmin).PutAsJsonAsync("/api/notifications/reminder-settings", defaults, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var invalid = await host.Client(RootAdmin).PutAsJsonAsync("/api/notifications/reminder-settings",
            new ReminderSettings([new(40, "8h"), new(1, "25:00")], 0, 2, ["31/02/2026", "01/01/2027"]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
        Assert.Equal(["holidays[0]", "leaderAfterWorkingDays", "offsets[0].time", "offsets[0].workingDaysBefore", "offsets[1].time"],
            problem!.Errors.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Contains("dd/MM/yyyy", problem.Errors["holidays[0]"][0]);

        // Two reminders, 2 and 0 working days before at 14:00, and 03/12 a holiday: the plan moves.
        using var saved = await host.Client(RootAdmin).PutAsJsonAsync("/api/notifications/reminder-settings",
            new ReminderSettings([new(2, "14:00"), new(0, "14:00")], 1, 1, ["03/12/2026"]), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var schedule = await host.Client(ProvinceReviewer).GetFromJsonAsync<ReminderSchedule>("/api/notifications/reminders", Ct);
        Assert.Equal(
            [("reminder", "01/12/2026 14:00", "pending"), ("reminder", "04/12/2026 14:00", "pending"),
             ("escalation-leader", "07/12/2026 08:00", "pending"), ("escalation-reviewer", "08/12/2026 08:00", "pending")],
            schedule!.Items.Where(i => i.State == "pending").Select(i => (i.Kind, i.DueAtVietnam, i.State)).ToList());
        Assert.Equal(3, schedule.Items.Count(i => i.State == "cancelled"));
    }
}
