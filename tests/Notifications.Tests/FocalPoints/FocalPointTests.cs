using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.Notifications.Delivery;
using Platform.Notifications.FocalPoints;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using static Platform.Notifications.Tests.Reminders.DeadlineWorld;

namespace Platform.Notifications.Tests.FocalPoints;

public sealed class FocalPointTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Path = "/api/notifications/focal-points/monthly-4585";

    private static HttpRequestMessage Put(object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.IfMatch.Add(etag);
        return request;
    }

    [Fact]
    public async Task A_registration_names_every_problem_at_once_requires_If_Match_and_is_audited()
    {
        await using var host = await StartAsync(infrastructure, "focal", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        var client = host.Client(FinanceReporter);

        using var first = await client.GetAsync(Path, Ct);
        Assert.Equal("\"0\"", first.Headers.ETag!.Tag);
        var empty = await first.Content.ReadFromJsonAsync<FocalPointRegistration>(Ct);
        Assert.Equal(("Sở Tài chính tỉnh Lào Cai", "Bộ chỉ số đánh giá chuyển đổi số hằng tháng", 0), (empty!.UnitName, empty.FrameworkName, empty.People.Count));

        object Person(string name, string email, string? phone = "0912345678") => new { name, position = "Chuyên viên", email, phone };
        using var invalid = await client.SendAsync(Put(new { people = new[]
        {
            Person("", "khong-phai-email"), Person("Vũ Thị Hà", "ha.vt@stc.laocai.gov.vn", "09-12 AB"), Person("Ngô Văn Ích", "HA.VT@stc.laocai.gov.vn"),
        } }, first.Headers.ETag), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal("Dữ liệu không hợp lệ", problem!.Title);
        Assert.Equal(["people[0].email", "people[0].name", "people[1].phone", "people[2].email"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal("Họ và tên là bắt buộc.", problem.Errors["people[0].name"][0]);

        using var tooMany = await client.SendAsync(Put(new { people = Enumerable.Range(1, 6).Select(i => Person($"Người {i}", $"nguoi{i}@stc.laocai.gov.vn")) },
            first.Headers.ETag), Ct);
        var tooManyProblem = await tooMany.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains("tối đa 5", tooManyProblem!.Errors["people"][0]);

        var valid = new { people = new[] { Person("Vũ Thị Hà", "Ha.VT@stc.laocai.gov.vn"), Person("Ngô Văn Ích", "ich.nv@stc.laocai.gov.vn", null) } };
        using var noPrecondition = await client.SendAsync(Put(valid, null), Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noPrecondition.StatusCode);

        using var saved = await client.SendAsync(Put(valid, first.Headers.ETag), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);
        var registration = await saved.Content.ReadFromJsonAsync<FocalPointRegistration>(Ct);
        Assert.Equal([new FocalPerson("Vũ Thị Hà", "Chuyên viên", "ha.vt@stc.laocai.gov.vn", "0912345678"), new FocalPerson("Ngô Văn Ích", "Chuyên viên", "ich.nv@stc.laocai.gov.vn", null)],
            registration!.People);

        using var stale = await client.SendAsync(Put(valid, first.Headers.ETag), Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        await using var db = host.Db();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == FocalPointEndpoints.AuditEntity, Ct);
        Assert.Equal(("monthly-4585/lao-cai.so-tc", "registered", FinanceReporter.Subject), (audit.EntityId, audit.Action, audit.By));
        Assert.Equal("(chưa đăng ký) → Vũ Thị Hà <ha.vt@stc.laocai.gov.vn>; Ngô Văn Ích <ich.nv@stc.laocai.gov.vn>", audit.Detail);
    }

    [Fact]
    public async Task On_the_due_date_the_leaders_of_agencies_that_owe_reports_and_have_not_registered_are_reminded()
    {
        await using var host = await StartAsync(infrastructure, "focal-due", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        await SignInAsync(host, ScienceLeader);
        await host.DeliverAsync(Announcement(1)); // Finance, Science and Interior owe; the commune does not.
        await RegisterFocalPointsAsync(host, FinanceReporter, ("Vũ Thị Hà", "ha.vt@stc.laocai.gov.vn"));

        var reporter = host.Client(FinanceReporter);
        using var forbidden = await reporter.PutAsJsonAsync(Path + "/due-date", new { dueDate = "15/12/2026" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var reviewer = host.Client(ProvinceReviewer);
        using var invalid = await reviewer.PutAsJsonAsync(Path + "/due-date", new { dueDate = "2026-12-15" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var past = await reviewer.PutAsJsonAsync(Path + "/due-date", new { dueDate = "19/11/2026" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);

        // Sunday 13/12/2026: the reminder goes out on Friday 11/12 at 08:00.
        using var set = await reviewer.PutAsJsonAsync(Path + "/due-date", new { dueDate = "13/12/2026" }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var overview = await set.Content.ReadFromJsonAsync<FocalPointOverview>(Ct);
        Assert.Equal("13/12/2026", overview!.DueDate);
        Assert.Equal(
            [("Sở Khoa học và Công nghệ tỉnh Lào Cai", false), ("Sở Nội vụ tỉnh Lào Cai", false), ("Sở Tài chính tỉnh Lào Cai", true)],
            overview.Units.Select(u => (u.UnitName, u.Registered)).ToList());
        var own = await host.Client(ScienceLeader).GetFromJsonAsync<FocalPointRegistration>(Path, Ct);
        Assert.Equal(("13/12/2026", false), (own!.DueDate, own.Overdue));

        await RunAtAsync(host, Vn(2026, 12, 11, 7, 59));
        Assert.Empty(await NotificationsAsync(host, NotificationKinds.FocalPointsMissing));
        await RunAtAsync(host, Vn(2026, 12, 11, 8));
        var sent = await NotificationsAsync(host, NotificationKinds.FocalPointsMissing);
        Assert.Equal(
            [("email", "dung.pt@skhcn.laocai.gov.vn"), ("in-app", "unit:lao-cai.so-khcn:leader"), ("in-app", "unit:lao-cai.so-nv:leader")],
            sent.OrderBy(n => n.Recipient).Select(n => (n.Channel, n.Recipient)).ToList());
        Assert.All(sent, n => Assert.True(n.Legal));
        var mail = sent.Single(n => n.Channel == Channels.Email);
        Assert.Equal("Chưa đăng ký cán bộ đầu mối: Sở Khoa học và Công nghệ tỉnh Lào Cai — Bộ chỉ số đánh giá chuyển đổi số hằng tháng, hạn 13/12/2026", mail.Subject);
        Assert.Contains("https://cds.test/dau-moi", mail.Body);
        Assert.Equal("/dau-moi", mail.Link);

        await RunAtAsync(host, Vn(2026, 12, 14, 9));
        var late = await host.Client(ScienceLeader).GetFromJsonAsync<FocalPointRegistration>(Path, Ct);
        Assert.True(late!.Overdue);
        Assert.Equal(3, (await NotificationsAsync(host, NotificationKinds.FocalPointsMissing)).Count);
    }

    [Fact]
    public async Task The_overview_is_for_reviewers_and_shows_only_their_subtree()
    {
        await using var host = await StartAsync(infrastructure, "focal-scope", Vn(2026, 11, 20, 10));
        await SeedUnitsAsync(host);
        await host.DeliverAsync(Announcement(1));
        using var reporter = await host.Client(FinanceReporter).GetAsync(Path + "/overview", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        var other = new TestUser("tham-dinh.ha-noi", [PlatformRoles.Reviewer], OrgUnit: "ha-noi");
        var overview = await host.Client(other).GetFromJsonAsync<FocalPointOverview>(Path + "/overview", Ct);
        Assert.Empty(overview!.Units);
    }
}
