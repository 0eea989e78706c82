using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Submissions;

public sealed class SubmissionValidationTests(PlatformInfrastructure infrastructure)
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        // values (JSON), the key the problem must name, a word the Vietnamese message must contain
        { """{"A.due": "mười"}""", "A.due", "phải là số" },
        { """{"A.due": -1}""", "A.due", "không âm" },
        { """{"A.due": 2.5}""", "A.due", "số nguyên" },
        { """{"D2.rate": 1.2}""", "D2.rate", "từ 0 đến 1" },
        { """{"E3.onTime": 1}""", "E3.onTime", "đúng/sai" },
        { """{"B.B1": 19}""", "B.B1", "không được vượt quá 18" },
        { """{"A.due": [1]}""", "A.due", "phải là số" },
        { """{"X.unknown": 1}""", "X.unknown", "không có trong khung" },
        // 7 + 6 = 13 done > 10 due + 2 backlog
        { """{"A.due": 10, "A.backlog": 2, "A.onTime": 7, "A.late": 6}""", "A.onTime", "“Số nhiệm vụ hoàn thành đúng hạn trong tháng” cộng “Số nhiệm vụ quá hạn đã hoàn thành trong tháng” không được vượt quá" },
        // backlog not reported counts as 0: 5 + 0 done ≤ 4 due fails
        { """{"A.due": 4, "A.onTime": 5}""", "A.onTime", "không được vượt quá" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_refused_naming_its_key_and_nothing_changes(string values, string key, string says)
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "badvalues");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();

        using var request = new HttpRequestMessage(HttpMethod.Put, SubmissionCalls.DraftPath())
        {
            Content = new StringContent($$"""{"values": {{values}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", draft.ETag());
        var response = await reporter.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var messages = problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
        var stored = await (await reporter.GetAsync($"/api/intake/submissions/{draft.Id}", TestContext.Current.CancellationToken)).ReadAsync();
        Assert.Equal((1, 10m), (stored.Version, stored.Values["A.due"].GetDecimal()));
        await using var db = host.Db();
        Assert.Equal(SubmissionWorkflowTests.Values.Count, await db.SubmissionValueChanges.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Type_range_and_cross_field_problems_come_back_together_in_one_answer()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "onepass");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        // Text for a boolean, a fraction of 1.5, a negative count, and 9 + 3 tasks done > 10 due + 0 backlog.
        var response = await reporter.PutDraftAsync(new Dictionary<string, object>
        {
            ["E3.onTime"] = "có", ["D2.rate"] = 1.5m, ["C1.records"] = -1,
            ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 9, ["A.late"] = 3,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => Assert.Single(p.Value.EnumerateArray()).GetString()!);
        Assert.Equal(["A.onTime", "C1.records", "D2.rate", "E3.onTime"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Cập nhật kết quả tháng trên Hệ thống 57 trước ngày 01 tháng sau: phải là đúng/sai (true/false).", errors["E3.onTime"]);
        Assert.Equal("Tỷ lệ giải ngân vốn KHCN, ĐMST, CĐS từ đầu năm: phải là tỷ lệ từ 0 đến 1 (nhận được 1,5).", errors["D2.rate"]);
        Assert.Equal("Số bản ghi dữ liệu được số hoá, tạo lập trong tháng: phải là số nguyên không âm (nhận được -1).", errors["C1.records"]);
        Assert.Equal(
            "“Số nhiệm vụ hoàn thành đúng hạn trong tháng” cộng “Số nhiệm vụ quá hạn đã hoàn thành trong tháng” không được vượt quá "
            + "“Số nhiệm vụ đến hạn trong tháng (Hệ thống 57)” cộng “Số nhiệm vụ quá hạn chưa hoàn thành đầu tháng” (số này, nếu không báo cáo, được lấy từ tháng trước).",
            errors["A.onTime"]);
        Assert.Equal((0, 0), (await CountAsync(host)));
    }

    [Fact]
    public async Task A_wrong_value_skips_only_the_checks_that_read_it_and_never_stands_in_as_its_default()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "onepassskip");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        // A negative backlog is its own problem; taken as 0 it would also break the task rule (10 + 2 > 10 + 0), which must
        // not be told. 11 accepted > 10 in the year reads only valid values and is told.
        var response = await reporter.PutDraftAsync(new Dictionary<string, object>
        {
            ["A.due"] = 10, ["A.backlog"] = -2, ["A.onTime"] = 10, ["A.late"] = 2, ["D1.accepted"] = 11, ["D1.total"] = 10,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["A.backlog", "D1.accepted"], errors.Order(StringComparer.Ordinal));
    }

    private static async Task<(int Submissions, int Changes)> CountAsync(ServiceHost<Program, IntakeDbContext> host)
    {
        await using var db = host.Db();
        return (await db.Submissions.CountAsync(TestContext.Current.CancellationToken), await db.SubmissionValueChanges.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"values": [1, 2]}""")]
    [InlineData("""{"values": {"A.due": 1}, "comments": 5}""")]
    [InlineData("")]
    public async Task A_malformed_body_is_a_Vietnamese_400_not_a_500(string body)
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "malformed");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var response = await reporter.PutAsync(SubmissionCalls.DraftPath(), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Yêu cầu không hợp lệ", (await response.ProblemAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Saving_over_a_version_someone_else_changed_answers_412_with_the_current_version()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "stale");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var first = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        var second = await (await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 12 }, ifMatch: first.ETag())).ReadAsync();

        var stale = await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 13 }, ifMatch: first.ETag());
        var missing = await reporter.PutDraftAsync(new Dictionary<string, object> { ["A.due"] = 14 });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(second.ETag(), stale.Headers.ETag?.Tag);
        var problem = await stale.ProblemAsync();
        Assert.Equal((2, "\"2\""), (problem.GetProperty("currentVersion").GetInt32(), problem.GetProperty("etag").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var stored = await (await reporter.GetAsync($"/api/intake/submissions/{first.Id}", TestContext.Current.CancellationToken)).ReadAsync();
        Assert.Equal((2, 12m), (stored.Version, stored.Values["A.due"].GetDecimal()));
    }

    [Fact]
    public async Task An_unknown_framework_or_a_malformed_period_is_a_400_naming_it()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "badroute");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var framework = await reporter.PutAsJsonAsync("/api/intake/submissions/khong-co/2026-01/lao-cai.so-khcn", new { values = new { } }, TestContext.Current.CancellationToken);
        var period = await reporter.PutAsJsonAsync("/api/intake/submissions/monthly-4585/2026-13/lao-cai.so-khcn", new { values = new { } }, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [framework.StatusCode, period.StatusCode]);
        Assert.True((await framework.ProblemAsync()).GetProperty("errors").TryGetProperty("framework", out _));
        Assert.Equal(JsonValueKind.Object, (await period.ProblemAsync()).GetProperty("errors").ValueKind);
    }
}
