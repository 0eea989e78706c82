using System.Net.Http.Json;
using Platform.Intake.Assignments;
using Platform.Intake.Tests.Submissions;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;
using Platform.Intake.Http;

namespace Platform.Intake.Tests.Assignments;

internal static class AssignmentCalls
{
    public static readonly TestUser LaoCaiAdmin = new("quan-tri.lao-cai", [PlatformRoles.FrameworkAdmin], OrgUnit: "lao-cai");
    public static readonly TestUser ThanhHoaAdmin = new("quan-tri.thanh-hoa", [PlatformRoles.FrameworkAdmin], OrgUnit: "thanh-hoa");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string ETag(this AssignmentView a) => $"\"{a.Version}\"";

    /// <summary>PUT with the If-Match of <paramref name="read"/> (the version the caller last read), or <paramref name="ifMatch"/>.</summary>
    public static Task<HttpResponseMessage> EditAssignmentAsync(this HttpClient client, AssignmentView read, object body, string? ifMatch = null, bool withIfMatch = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/assignments/{read.Id}") { Content = JsonContent.Create(body) };
        if (withIfMatch) request.Headers.TryAddWithoutValidation("If-Match", ifMatch ?? read.ETag());
        return client.SendAsync(request, Ct);
    }

    public static async Task<List<AssignmentView>> AssignmentsAsync(this HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<Paged<AssignmentView>>("/api/intake/assignments?pageSize=500&" + query, SubmissionCalls.Json, Ct);
        return [.. page!.Items];
    }

    public static async Task<AssignmentView> ReadAssignmentAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<AssignmentView>(SubmissionCalls.Json, Ct))!;
    }
}
