using System.Net.Http.Json;
using System.Text.Json;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Submissions;

/// <summary>
/// Intake as its tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>: a database and virtual host of its own,
/// trusting test tokens), with the clock standing at 10:00 on 2 February 2026 in Vietnam: period 2026-01 of
/// monthly-4585 is open for agencies until the 3rd (00:00 Vietnam time). And the people who use it.
/// </summary>
internal static class SubmissionsHost
{
    public const string Framework = "monthly-4585";
    public const string Period = "2026-01";
    public static readonly DateTimeOffset Now = new(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);

    public static readonly TestUser Reporter = new("bao-cao.so-khcn.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-khcn");
    public static readonly TestUser OtherReporter = new("bao-cao.so-tc.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai.so-tc");
    public static readonly TestUser Reviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");
    public static readonly TestUser ThanhHoaReporter = new("bao-cao.so-khcn.thanh-hoa", [PlatformRoles.Reporter], OrgUnit: "thanh-hoa.so-khcn");
    public static readonly TestUser ThanhHoaReviewer = new("tham-dinh.thanh-hoa", [PlatformRoles.Reviewer], OrgUnit: "thanh-hoa");

    /// <summary>Reports for a department and also reviews: may not approve what they submitted themselves.</summary>
    public static readonly TestUser ReporterAndReviewer = new("ca-hai.lao-cai", [PlatformRoles.Reporter, PlatformRoles.Reviewer], OrgUnit: "lao-cai");

    /// <param name="settings">Extra settings, e.g. <c>Intake:Calendar:Frameworks:monthly-4585:LatePolicy=refuse</c>.</param>
    public static Task<ServiceHost<Program, IntakeDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, IReadOnlyDictionary<string, string>? settings = null) =>
        ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, prefix, settings, Now);
}

internal static class SubmissionCalls
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static string DraftPath(string targetUnit = "lao-cai.so-khcn", string framework = SubmissionsHost.Framework, string period = SubmissionsHost.Period) =>
        $"/api/intake/submissions/{framework}/{period}/{targetUnit}";

    public static Task<HttpResponseMessage> PutDraftAsync(this HttpClient client, object values, string? ifMatch = null, string targetUnit = "lao-cai.so-khcn", string? comments = null) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, DraftPath(targetUnit))
        {
            Content = JsonContent.Create(new { values, comments }),
        }.WithIfMatch(ifMatch), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string action, object? body = null, string? ifMatch = null) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/intake/submissions/{id}/{action}")
        {
            Content = body is null ? null : JsonContent.Create(body),
        }.WithIfMatch(ifMatch), TestContext.Current.CancellationToken);

    public static async Task<SubmissionView> ReadAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<SubmissionView>(Json, TestContext.Current.CancellationToken))!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>A reporter's draft of period 2026-01 for its own department, submitted.</summary>
    public static async Task<SubmissionView> SubmittedAsync(this HttpClient reporter, object values, string targetUnit = "lao-cai.so-khcn")
    {
        var draft = await (await reporter.PutDraftAsync(values, targetUnit: targetUnit)).ReadAsync();
        return await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
    }

    public static string ETag(this SubmissionView view) => $"\"{view.Version}\"";

    private static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? ifMatch)
    {
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}
