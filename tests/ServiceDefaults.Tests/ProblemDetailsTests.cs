using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_route_answers_with_Vietnamese_problem_details()
    {
        await using var app = await ProbeApp.StartAsync(new Dictionary<string, string?>(), Ct);
        using var client = ProbeApp.Client(app);

        var response = await client.GetAsync("/api/probe/does-not-exist", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Không tìm thấy", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_problem_names_every_offending_field_under_a_Vietnamese_title_and_detail()
    {
        await using var app = await ProbeApp.StartAsync(new Dictionary<string, string?>(), Ct, map: a => a.MapGet("/invalid", () =>
            ApiProblems.Invalid(new Dictionary<string, string[]>
            {
                ["period"] = ["Kỳ báo cáo phải là một tháng theo dạng YYYY-MM, ví dụ 2026-01."],
                ["peerGroup"] = ["Nhóm so sánh chỉ nhận provinces hoặc ministries."],
            })).AllowAnonymous());
        using var client = ProbeApp.Client(app);

        var response = await client.GetAsync("/invalid", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = problem.RootElement;
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.Equal("Dữ liệu không hợp lệ", root.GetProperty("title").GetString());
        Assert.Equal("Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.", root.GetProperty("detail").GetString());
        Assert.Equal(["peerGroup", "period"], root.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Kỳ báo cáo phải là một tháng theo dạng YYYY-MM, ví dụ 2026-01.",
            root.GetProperty("errors").GetProperty("period")[0].GetString());
        Assert.True(root.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_problem_without_its_own_title_is_titled_in_Vietnamese_by_its_status()
    {
        await using var app = await ProbeApp.StartAsync(new Dictionary<string, string?>(), Ct, map: a =>
        {
            a.MapGet("/conflict", () => ApiProblems.Conflict("Đề xuất đã được duyệt trước đó.")).AllowAnonymous();
            a.MapGet("/no-unit", () => ApiProblems.NoUnit()).AllowAnonymous();
        });
        using var client = ProbeApp.Client(app);

        using var conflict = JsonDocument.Parse(await (await client.GetAsync("/conflict", Ct)).Content.ReadAsStringAsync(Ct));
        var noUnit = await client.GetAsync("/no-unit", Ct);
        using var forbidden = JsonDocument.Parse(await noUnit.Content.ReadAsStringAsync(Ct));

        Assert.Equal(StatusCodes.Status409Conflict, conflict.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Xung đột dữ liệu", conflict.RootElement.GetProperty("title").GetString());
        Assert.Equal("Đề xuất đã được duyệt trước đó.", conflict.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, noUnit.StatusCode);
        Assert.Equal("Không có quyền thực hiện", forbidden.RootElement.GetProperty("title").GetString());
        Assert.Contains("org_unit", forbidden.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
