using System.Net.Http.Json;
using Platform.Intake.Periods;
using Platform.Intake.Tests.Submissions;

namespace Platform.Intake.Tests.Periods;

internal static class PeriodCalls
{
    public const string ReopeningsPath = $"/api/intake/periods/{SubmissionsHost.Framework}/{SubmissionsHost.Period}/reopenings";

    /// <summary>monthly-4585 refuses late submissions instead of marking them.</summary>
    public static readonly Dictionary<string, string> Refuse = new() { ["Intake:Calendar:Frameworks:monthly-4585:LatePolicy"] = "refuse" };

    /// <summary>00:00:00 on 3 February 2026 in Vietnam: the agencies' deadline for period 2026-01.</summary>
    public static readonly DateTimeOffset AgencyDeadline = new(2026, 2, 2, 17, 0, 0, TimeSpan.Zero);

    public static Task<HttpResponseMessage> ReopenAsync(this HttpClient reviewer, string unit, string? until, string? reason, string path = ReopeningsPath) =>
        reviewer.PostAsJsonAsync(path, new { unit, until, reason }, TestContext.Current.CancellationToken);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<T>(SubmissionCalls.Json, TestContext.Current.CancellationToken))!;
    }

    public static async Task<PeriodView> PeriodAsync(this HttpClient client, string level = "agency-to-province") =>
        await (await client.GetAsync($"/api/intake/periods/{SubmissionsHost.Framework}/{SubmissionsHost.Period}?level={level}",
            TestContext.Current.CancellationToken)).ReadAsync<PeriodView>();

    /// <summary>A draft of period 2026-01 for the reporter's own unit (saved while the period is open).</summary>
    public static async Task<Guid> DraftAsync(this HttpClient reporter, string targetUnit) =>
        (await (await reporter.PutDraftAsync(Submissions.SubmissionWorkflowTests.Values, targetUnit: targetUnit)).ReadAsync()).Id;
}
