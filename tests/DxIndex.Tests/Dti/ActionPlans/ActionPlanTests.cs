using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DxIndex.Dti.ActionPlans;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests.Dti.ActionPlans;

public sealed class ActionPlanTests(PlatformInfrastructure infrastructure)
{
    private const string Plan = "/api/dx-index/dti/2026/provinces/lao-cai/actions";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string indicator = "6.4", string action = "Triển khai nền tảng số dùng chung cho các xã",
        int progress = 20, string status = "in-progress") => new
    {
        indicator, action, ownerAgency = "Sở Khoa học và Công nghệ", dueDate = "2027-06-30", progress, status, note = "Theo kế hoạch số 12/KH-UBND",
    };

    [Fact]
    public async Task The_province_records_an_action_edits_it_with_If_Match_and_removes_it_and_every_write_is_audited()
    {
        await using var host = await ActionPlanHost.StartAsync(infrastructure, "dtiactions");
        using var department = host.Client(ActionPlanHost.LaoCaiDepartment);
        using var reviewer = host.Client(ActionPlanHost.LaoCaiReviewer);

        var created = await department.PostAsJsonAsync(Plan, Body(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var action = (await created.Content.ReadFromJsonAsync<ActionView>(Ct))!;
        Assert.Equal(("6.4", "Sở Khoa học và Công nghệ", new DateOnly(2027, 6, 30), 20, "in-progress", 1, "Nguyễn Văn Báo"),
            (action.Indicator, action.OwnerAgency, action.DueDate, action.Progress, action.Status, action.Version, action.UpdatedBy));

        // The province's reviewer reads it and changes it: without If-Match 428, with the version read 200, with a stale one 412.
        var listed = Assert.Single((await reviewer.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!);
        Assert.Equal(action.Id, listed.Id);
        var update = Body(progress: 100, status: "done");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await reviewer.PutAsJsonAsync($"{Plan}/{action.Id}", update, Ct)).StatusCode);
        var saved = await Put(reviewer, action.Id, "\"1\"", update);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var edited = (await saved.Content.ReadFromJsonAsync<ActionView>(Ct))!;
        Assert.Equal((100, "done", 2, "Trần Thị Duyệt"), (edited.Progress, edited.Status, edited.Version, edited.UpdatedBy));
        var stale = await Put(department, action.Id, "\"1\"", Body(progress: 50));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Dữ liệu đã được người khác thay đổi", problem.GetProperty("title").GetString());
        Assert.Equal(100, Assert.Single((await reviewer.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!).Progress);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await department.DeleteAsync($"{Plan}/{action.Id}", Ct)).StatusCode);
        Assert.Empty((await reviewer.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await department.DeleteAsync($"{Plan}/{action.Id}", Ct)).StatusCode);

        await using var db = host.Db();
        var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == ActionPlansApi.AuditEntity).OrderBy(a => a.At)
            .Select(a => a.Action + "|" + a.Detail).ToListAsync(Ct);
        Assert.Equal(3, audit.Count);
        Assert.Equal("created|chỉ số 6.4: Triển khai nền tảng số dùng chung cho các xã — chủ trì: Sở Khoa học và Công nghệ; hạn 30/06/2027; tiến độ 20%; in-progress; ghi chú: Theo kế hoạch số 12/KH-UBND", audit[0]);
        Assert.StartsWith("updated|chỉ số 6.4:", audit[1], StringComparison.Ordinal);
        Assert.Contains("tiến độ 20%; in-progress; ghi chú: Theo kế hoạch số 12/KH-UBND → chỉ số 6.4", audit[1], StringComparison.Ordinal);
        Assert.Contains("tiến độ 100%; done", audit[1], StringComparison.Ordinal);
        Assert.StartsWith("deleted|chỉ số 6.4:", audit[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_every_problem_at_once_in_Vietnamese_keyed_by_field_and_nothing_is_written()
    {
        await using var host = await ActionPlanHost.StartAsync(infrastructure, "dtiactionsbad");
        using var department = host.Client(ActionPlanHost.LaoCaiDepartment);

        var answer = await department.PostAsJsonAsync(Plan, new
        {
            indicator = "9.9", action = "  ", ownerAgency = "", dueDate = "30/06/2027", progress = 150, status = "xong", note = new string('x', 2001),
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["action", "dueDate", "indicator", "note", "ownerAgency", "progress", "status"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Chỉ số \"9.9\" không có trong bộ chỉ số 405/QĐ-BKHCN (03/4/2025).", errors.GetProperty("indicator")[0].GetString());
        Assert.Equal("Thời hạn \"30/06/2027\" không phải một ngày hợp lệ (dạng yyyy-MM-dd).", errors.GetProperty("dueDate")[0].GetString());
        Assert.Equal("Tiến độ phải từ 0 đến 100 (%).", errors.GetProperty("progress")[0].GetString());

        var tooLong = await department.PostAsJsonAsync(Plan, Body(action: new string('a', 2001)), Ct);
        Assert.Equal("Hành động không được dài quá 2.000 ký tự.",
            (await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("action")[0].GetString());
        Assert.Empty((await department.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!);
    }

    [Fact]
    public async Task Another_province_is_told_nothing_the_national_root_reads_but_does_not_write_and_a_year_without_the_framework_is_not_found()
    {
        await using var host = await ActionPlanHost.StartAsync(infrastructure, "dtiactionsscope");
        Assert.Equal(HttpStatusCode.Created, (await host.Client(ActionPlanHost.LaoCaiReviewer).PostAsJsonAsync(Plan, Body(), Ct)).StatusCode);

        using var thanhHoa = host.Client(ActionPlanHost.ThanhHoaReviewer);
        var foreign = await thanhHoa.GetAsync(Plan, Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("Không tìm thấy tỉnh \"lao-cai\" trong phạm vi của bạn.",
            (await foreign.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.PostAsJsonAsync(Plan, Body(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.GetAsync("/api/dx-index/dti/2026/provinces/khong-co/actions", Ct)).StatusCode);

        using var national = host.Client(ActionPlanHost.NationalReviewer);
        Assert.Single((await national.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!);
        var write = await national.PostAsJsonAsync(Plan, Body(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.StartsWith("Kế hoạch hành động của Tỉnh Lào Cai do cán bộ báo cáo, thẩm định hoặc lãnh đạo của tỉnh ghi",
            (await write.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A publisher of the province reads it; the plan is written by reporters, reviewers and leaders.
        Assert.Equal(HttpStatusCode.OK, (await host.Client(ActionPlanHost.LaoCaiPublisher).GetAsync(Plan, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(ActionPlanHost.LaoCaiPublisher).PostAsJsonAsync(Plan, Body(), Ct)).StatusCode);

        var noFramework = await national.GetAsync("/api/dx-index/dti/2020/provinces/lao-cai/actions", Ct);
        Assert.Equal(HttpStatusCode.NotFound, noFramework.StatusCode);
        Assert.Equal("Không có bộ chỉ số chuyển đổi số cấp tỉnh áp dụng cho năm 2020.",
            (await noFramework.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(Plan, Ct)).StatusCode);
    }

    [Fact]
    public async Task Next_year_each_action_shows_its_indicators_points_in_both_years_when_both_are_scored()
    {
        // 6.4 (10 points) scored 0 in 2026 and 10 in 2027: the action moved it by +10. 1.2 is not scored in 2027: no outcome.
        var scores = new ScoresByYear(new()
        {
            [2026] = new() { ["6.4"] = new IndicatorPoints(0m, 10m), ["1.2"] = new IndicatorPoints(5m, 10m) },
            [2027] = new() { ["6.4"] = new IndicatorPoints(10m, 10m) },
        });
        await using var host = await ActionPlanHost.StartAsync(infrastructure, "dtiactionsoutcome", scores);
        using var reviewer = host.Client(ActionPlanHost.LaoCaiReviewer);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostAsJsonAsync(Plan, Body("6.4"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostAsJsonAsync(Plan, Body("1.2", "Ban hành chỉ thị về chuyển đổi số"), Ct)).StatusCode);

        var withOutcome = (await reviewer.GetFromJsonAsync<List<ActionView>>($"{Plan}?withOutcome=true", Ct))!;
        // In the framework's order: 1.2 before 6.4.
        Assert.Equal(["1.2", "6.4"], withOutcome.Select(a => a.Indicator));
        Assert.Null(withOutcome[0].Outcome);
        Assert.Equal(new ActionOutcome(2026, 0m, 2027, 10m, 10m, 10m), withOutcome[1].Outcome);
        Assert.All((await reviewer.GetFromJsonAsync<List<ActionView>>(Plan, Ct))!, a => Assert.Null(a.Outcome));
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Plan}/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, Ct);
    }

    /// <summary>The indicator points the DTI runs would give, per year, for Lào Cai.</summary>
    private sealed class ScoresByYear(Dictionary<int, Dictionary<string, IndicatorPoints>> years) : IDtiIndicatorScores
    {
        public Task<IReadOnlyDictionary<string, IndicatorPoints>?> ForProvinceAsync(string tenant, int year, string unit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, IndicatorPoints>?>(unit == "lao-cai" && years.TryGetValue(year, out var s) ? s : null);
    }
}
