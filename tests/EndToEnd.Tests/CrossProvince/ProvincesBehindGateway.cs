using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.PlatformHarness;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests.CrossProvince;

/// <summary>
/// The platform as a browser meets it — the one AppHost started (<see cref="AspirePlatform"/>): the development identity
/// provider with the realm file's users, the gateway with sign-in, intake and monthly scoring behind it validating the
/// identity provider's tokens themselves. Thanh Hóa's people then really use it — an agency submits the month with a
/// comment and an evidence file, the province approves, proposes a bonus and scores a provisional run — so that there
/// is something of Thanh Hóa's to leak. Lào Cai does the same (fewer steps), so its own lists are not empty.
/// </summary>
public sealed class ProvincesBehindGateway(AspirePlatform platform) : IAsyncLifetime
{
    public const string Period = TestMonths.CrossProvince;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static IReadOnlyDictionary<string, string> Csrf => GatewayBrowser.Csrf;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Thanh Hóa's Sở KH&amp;CN inputs, with values no other unit reports (found in a body = leaked).</summary>
    public static readonly Dictionary<string, object> ThanhHoaValues = new()
    {
        ["A.due"] = 4217, ["A.backlog"] = 0, ["A.onTime"] = 4203, ["A.late"] = 11,
        ["D1.accepted"] = 613, ["D1.total"] = 977, ["E3.onTime"] = true, ["E3.completion"] = 1,
    };

    public const string ThanhHoaComment = "Số liệu nội bộ của Sở KH&CN, chưa công bố";
    public const string ThanhHoaJustification = "Hoàn thành sớm kho dữ liệu dùng chung cấp tỉnh";
    public const string ThanhHoaEvidenceName = "bien-ban-nghiem-thu-kho-du-lieu.pdf";
    public const string ThanhHoaAction = "Xây dựng kho dữ liệu mở Lam Sơn cho các xã";
    public const string ThanhHoaFocalPoint = "Lê Thị Đầu Mối Xứ Thanh";
    public const string ThanhHoaFocalEmail = "dau-moi.so-khcn@thanhhoa.gov.vn";

    /// <summary>The year of Thanh Hóa's DTI action plan.</summary>
    public const int DtiYear = 2026;

    private static readonly Dictionary<string, object> LaoCaiValues = new()
    {
        ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
        ["D1.accepted"] = 5, ["D1.total"] = 10, ["E3.onTime"] = true, ["E3.completion"] = 1,
    };

    /// <summary>What Thanh Hóa created: ids and the subjects of its people, all of which must stay invisible to Lào Cai.</summary>
    public ThanhHoaRecords ThanhHoa { get; private set; } = null!;

    /// <summary>Lào Cai's own submission and bonus proposal (its lists must still show them).</summary>
    public (Guid Submission, Guid Bonus) LaoCai { get; private set; }

    /// <summary>The provisional run of the month over the 34 provinces, scored by Thanh Hóa's reviewer.</summary>
    public Guid Run { get; private set; }

    public async ValueTask InitializeAsync()
    {
        platform.SetNow(TestMonths.Open(Period));
        // Intake registers its units at start; scoring takes them from OrganisationUnitRegistered. A national reviewer
        // watches the month in scoring until both provinces are listed, then until it has both provinces' approved inputs.
        using var nationalReviewer = await SignInAsync("tw-tham-dinh");
        await Eventually.WaitForAsync(() => ScoringInputsStatus.ReadAsync(nationalReviewer, Period), s => s.Lists("lao-cai", "thanh-hoa"), Wait,
            "lao-cai and thanh-hoa listed by scoring");

        ThanhHoa = await SeedThanhHoaAsync();
        LaoCai = await SeedLaoCaiAsync();
        await Eventually.WaitForAsync(() => ScoringInputsStatus.ReadAsync(nationalReviewer, Period),
            s => s.Has("thanh-hoa", ThanhHoaValues.Keys) && s.Has("lao-cai", LaoCaiValues.Keys), Wait, "both provinces' approved inputs in scoring");

        using var reviewer = await SignInAsync("thanh-hoa.reviewer");
        var run = Ok(await reviewer.SendAsync(HttpMethod.Post, "/api/monthly-scoring/runs",
            Json(new { period = Period, peerGroup = "provinces" }), Csrf), HttpStatusCode.Created);
        Run = run.GetProperty("id").GetGuid();
        // Thanh Hóa itself reads what Lào Cai must not: the seeded records are really there.
        Ok(await reviewer.SendAsync(HttpMethod.Get, $"/api/monthly-scoring/runs/{Run}/units/thanh-hoa/explanation"));
        Ok(await reviewer.SendAsync(HttpMethod.Get, $"/api/intake/evidence/{ThanhHoa.EvidenceFile}"));
    }

    /// <summary>A browser signed in at the gateway as <paramref name="username"/> (a demo user of the realm file).</summary>
    internal Task<GatewayBrowser> SignInAsync(string username) => GatewayBrowser.SignInAsync(platform, username);

    /// <summary>A client of the gateway carrying a client-credentials token of the realm file's source system <c>he-thong-57</c> (Lào Cai).</summary>
    internal async Task<HttpClient> MachineClientAsync()
    {
        using var identity = new HttpClient();
        using var response = await identity.PostAsync(new Uri(platform.IdentityUrl, "/realms/platform/protocol/openid-connect/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "he-thong-57",
                ["client_secret"] = "dev-only-he-thong-57-secret",
            }), Ct);
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["access_token"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = platform.GatewayUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<ThanhHoaRecords> SeedThanhHoaAsync()
    {
        using var agency = await SignInAsync("thanh-hoa.so-khcn.reporter");
        var draft = Ok(await agency.SendAsync(HttpMethod.Put, $"/api/intake/submissions/monthly-4585/{Period}/thanh-hoa",
            Json(new { values = ThanhHoaValues, comments = ThanhHoaComment }), Csrf), HttpStatusCode.Created);
        var submission = draft.GetProperty("id").GetGuid();
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Biên bản nghiệm thu Thanh Hóa\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
                { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", ThanhHoaEvidenceName },
            { new StringContent("D1.accepted"), "inputKey" },
        };
        var evidence = Ok(await agency.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/evidence", upload, Csrf), HttpStatusCode.Created);
        Ok(await agency.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/submit", null, Csrf));

        using var reviewer = await SignInAsync("thanh-hoa.reviewer");
        var approved = Ok(await reviewer.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/approve", null, Csrf));
        var assignments = Ok(await reviewer.SendAsync(HttpMethod.Get, "/api/intake/assignments?framework=monthly-4585&targetUnit=thanh-hoa"));
        var assignment = assignments.GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("reportingUnit").GetString() == "thanh-hoa.so-khcn").GetProperty("id").GetGuid();

        using var province = await SignInAsync("thanh-hoa.reporter");
        var bonus = Ok(await province.SendAsync(HttpMethod.Post, "/api/monthly-scoring/bonuses",
            Json(new { unit = "thanh-hoa", period = Period, justification = ThanhHoaJustification }), Csrf), HttpStatusCode.Created);

        // The province's DTI action plan (dx-index) and the agency's focal points (notifications): more of Thanh Hóa to hide.
        var action = Ok(await reviewer.SendAsync(HttpMethod.Post, $"/api/dx-index/dti/{DtiYear}/provinces/thanh-hoa/actions",
            Json(new { indicator = "6.4", action = ThanhHoaAction, ownerAgency = "Sở Khoa học và Công nghệ", dueDate = "2027-06-30", progress = 20,
                status = "in-progress" }), Csrf), HttpStatusCode.Created);
        // Nobody registered yet: version 0.
        Ok(await agency.SendAsync(HttpMethod.Put, "/api/notifications/focal-points/monthly-4585",
            Json(new { people = new[] { new { name = ThanhHoaFocalPoint, position = "Chuyên viên", email = ThanhHoaFocalEmail, phone = "0912345678" } } }),
            new Dictionary<string, string>(Csrf) { ["If-Match"] = "\"0\"" }));
        // What the notifications service already put in Thanh Hóa's people's inboxes (the approval, the submission): ids to ask for.
        var inbox = new List<Guid>();
        foreach (var person in (GatewayBrowser[])[agency, reviewer])
            inbox.AddRange(Ok(await person.SendAsync(HttpMethod.Get, "/api/notifications/inbox")) is { ValueKind: JsonValueKind.Object } page
                && page.TryGetProperty("items", out var items) ? items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()) : []);

        return new ThanhHoaRecords(submission, evidence.GetProperty("id").GetGuid(), assignment, bonus.GetProperty("id").GetGuid(),
            [draft.GetProperty("createdBy").GetString()!, approved.GetProperty("decidedBy").GetString()!, bonus.GetProperty("proposedBy").GetString()!])
        {
            ActionPlan = action.GetProperty("id").GetGuid(),
            InboxItems = inbox,
        };
    }

    private async Task<(Guid, Guid)> SeedLaoCaiAsync()
    {
        using var agency = await SignInAsync("lao-cai.so-khcn.reporter");
        var draft = Ok(await agency.SendAsync(HttpMethod.Put, $"/api/intake/submissions/monthly-4585/{Period}/lao-cai",
            Json(new { values = LaoCaiValues }), Csrf), HttpStatusCode.Created);
        var submission = draft.GetProperty("id").GetGuid();
        Ok(await agency.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/submit", null, Csrf));
        using var reviewer = await SignInAsync("lao-cai.reviewer");
        Ok(await reviewer.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{submission}/approve", null, Csrf));
        using var province = await SignInAsync("lao-cai.reporter");
        var bonus = Ok(await province.SendAsync(HttpMethod.Post, "/api/monthly-scoring/bonuses",
            Json(new { unit = "lao-cai", period = Period, justification = "Số hóa hồ sơ lưu trữ" }), Csrf), HttpStatusCode.Created);
        return (submission, bonus.GetProperty("id").GetGuid());
    }


    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static JsonElement Ok(GatewayBrowser.Page page, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(page.Status == expected, $"{page.Url}: {(int)page.Status} {page.Body}");
        return page.ContentType?.Contains("json", StringComparison.Ordinal) == true ? JsonDocument.Parse(page.Body).RootElement.Clone() : default;
    }

    /// <summary>The harness, for what the generated probes read besides the gateway: each service's OpenAPI document and database.</summary>
    internal AspirePlatform Platform => platform;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Thanh Hóa's records, by id, and the subjects (<c>sub</c>) of the people who made them.</summary>
public sealed record ThanhHoaRecords(Guid Submission, Guid EvidenceFile, Guid Assignment, Guid Bonus, IReadOnlyList<string> People)
{
    /// <summary>Its DTI action plan's action (<see cref="ProvincesBehindGateway.DtiYear"/>, indicator 6.4).</summary>
    public Guid ActionPlan { get; init; }

    /// <summary>In-app notifications of its agency's reporter and its reviewer (may be empty when none was written yet).</summary>
    public IReadOnlyList<Guid> InboxItems { get; init; } = [];
}
