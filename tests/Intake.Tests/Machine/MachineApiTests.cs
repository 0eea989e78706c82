using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Intake.Submissions;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Machine;

public sealed class MachineApiTests(PlatformInfrastructure infrastructure)
{
    private const string Path = "/api/intake/machine/submissions";

    /// <summary>Hệ thống 57's service account, reporting as Lào Cai's Sở KHCN.</summary>
    private static readonly TestUser System57 = TestUser.Machine("he-thong-57", [PlatformRoles.Reporter], orgUnit: "lao-cai.so-khcn");

    private static object Push(bool submit = false, int due = 10) => new
    {
        framework = SubmissionsHost.Framework,
        period = SubmissionsHost.Period,
        targetUnit = "lao-cai",
        values = new Dictionary<string, object> { ["A.due"] = due, ["A.onTime"] = 8, ["A.late"] = 1, ["E3.onTime"] = true },
        submit,
    };

    private static Task<HttpResponseMessage> PushAsync(HttpClient client, object body, string? key) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", key is null ? [] : [key] } },
        }, TestContext.Current.CancellationToken);

    private static string Body(HttpResponseMessage response) => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    [Fact]
    public async Task A_retried_push_creates_one_submission_and_replays_the_identical_answer()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machineretry");
        using var system = host.Client(System57);

        var first = await PushAsync(system, Push(), "57-2026-01-lao-cai");
        var retry = await PushAsync(system, Push(), "57-2026-01-lao-cai");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal((false, true), (Replayed(first), Replayed(retry)));
        Assert.Equal(Body(first), Body(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var view = JsonSerializer.Deserialize<SubmissionView>(Body(first), SubmissionCalls.Json)!;
        Assert.Equal((SubmissionStates.Draft, "lao-cai.so-khcn", "lao-cai", 1), (view.State, view.ReportingUnit, view.TargetUnit, view.Version));
        // The first answer's headers come from the view itself, the replay's from the stored body: the same.
        Assert.Equal(($"/api/intake/submissions/{view.Id}", "\"1\""), (first.Headers.Location?.OriginalString, first.Headers.ETag?.Tag));
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        await using var db = host.Db();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await db.Submissions.CountAsync(ct));
        Assert.Equal(4, await db.SubmissionValueChanges.CountAsync(c => c.Channel == Channels.Api, ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(ct));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machinemismatch");
        using var system = host.Client(System57);

        var first = await PushAsync(system, Push(due: 10), "khoa-1");
        var other = await PushAsync(system, Push(due: 11), "khoa-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (first.StatusCode, other.StatusCode));
        Assert.Contains("nội dung khác", (await other.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = host.Db();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10m, stored.Values["A.due"].GetDecimal());
    }

    [Fact]
    public async Task Five_concurrent_pushes_with_one_key_make_one_submission()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machineconcurrent");
        var clients = Enumerable.Range(0, 5).Select(_ => host.Client(System57)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => PushAsync(c, Push(submit: true), "dong-thoi")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(Body).Distinct());
        Assert.Equal(4, responses.Count(Replayed));
        await using var db = host.Db();
        Assert.Equal(1, await db.Submissions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Single(await host.OutboxAsync(nameof(SubmissionSubmitted)));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_push_with_submit_hands_the_submission_in_and_publishes_SubmissionSubmitted_once()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machinesubmit");
        using var system = host.Client(System57);

        var first = await PushAsync(system, Push(submit: true), "nop-1");
        var retry = await PushAsync(system, Push(submit: true), "nop-1");
        var newKey = await PushAsync(system, Push(submit: true), "nop-2");

        var view = JsonSerializer.Deserialize<SubmissionView>(Body(first), SubmissionCalls.Json)!;
        Assert.Equal((HttpStatusCode.Created, SubmissionStates.Submitted, 2), (first.StatusCode, view.State, view.Version));
        Assert.True(Replayed(retry));
        // A new key asks to hand in again what is already handed in.
        Assert.Equal(HttpStatusCode.Conflict, newKey.StatusCode);
        var submitted = JsonSerializer.Deserialize<SubmissionSubmitted>(Assert.Single(await host.OutboxAsync(nameof(SubmissionSubmitted))), SubmissionCalls.Json)!;
        Assert.Equal((view.Id, "lao-cai", "lao-cai.so-khcn"), (submitted.SubmissionId, submitted.TargetUnit, submitted.ReportingUnit));
    }

    [Fact]
    public async Task A_person_is_refused_and_a_missing_or_bad_key_answers_400()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machineguard");
        using var person = host.Client(SubmissionsHost.Reporter);
        using var system = host.Client(System57);

        var byPerson = await PushAsync(person, Push(), "khoa-nguoi");
        var missing = await PushAsync(system, Push(), null);
        var spaced = await PushAsync(system, Push(), "khoá có dấu cách");
        var tooLong = await PushAsync(system, Push(), new string('k', 201));

        Assert.Equal(HttpStatusCode.Forbidden, byPerson.StatusCode);
        Assert.Contains("hệ thống nguồn", (await byPerson.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [missing.StatusCode, spaced.StatusCode, tooLong.StatusCode]);
        Assert.True((await missing.ProblemAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        await using var db = host.Db();
        Assert.Equal(0, await db.Submissions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refused_push_is_not_remembered_so_a_corrected_retry_with_the_same_key_succeeds()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "machinecorrected");
        using var system = host.Client(System57);
        object Values(string targetUnit, string key, object value) => new
        {
            framework = SubmissionsHost.Framework, period = SubmissionsHost.Period, targetUnit,
            values = new Dictionary<string, object> { [key] = value }, submit = false,
        };

        var refused = await PushAsync(system, Values("lao-cai", "E3.completion", 1.5m), "sua-lai");
        var foreign = await PushAsync(system, Values("thanh-hoa", "A.due", 1), "ngoai-tinh");
        var corrected = await PushAsync(system, Push(), "sua-lai");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("tỷ lệ từ 0 đến 1", (await refused.ProblemAsync()).GetProperty("errors").GetProperty("E3.completion")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(Replayed(corrected));
    }
}
