using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataAndMessaging.Outbox;
using Platform.MonthlyScoring.Tests.Publication;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Simulations;

/// <summary>
/// What-if simulation: a framework administrator at the national root scores a stored period under another version or a
/// draft and reads every unit before and after. Peer group: <see cref="Example.Provinces"/> (Lào Cai 71 B rank 1, Thanh
/// Hóa 40 D rank 2 under 4585, worked out in ScoreRunTests).
/// </summary>
public sealed class SimulationTests(PlatformInfrastructure infrastructure)
{
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";
    private static readonly TestUser FrameworkAdmin = new("khung-chi-so", [PlatformRoles.FrameworkAdmin], OrgUnit: "vn");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Worked out by hand from the draft (FrameworkDrafts.Reweighted: B = (B1+…+B5) × 0.05, max 5; C1 = C2 = 22.5; D1 = D2 = 5):
    //   Lào Cai:   A 16.3 + B 100 × 0.05 = 5 + C 100/200 × 22.5 + 50/100 × 22.5 = 22.5 + D 5/10 × 5 + 0.5 × 5 = 5 + E 15
    //              = 63.8 → 64, C (50–<70); indicators B 20 → 5, C1 5 → 11.25, C2 5 → 11.25, D1 5 → 2.5, D2 5 → 2.5.
    //   Thanh Hóa: A 20 + B 0 + C 200/200 × 22.5 + 100/100 × 22.5 = 45 + D 0 + E 0 = 65 → 65, C; C1 10 → 22.5, C2 10 → 22.5.
    //   65 > 64: Thanh Hóa rank 1, Lào Cai rank 2. Changes −7 and +25; both change class and rank.
    [Fact]
    public async Task A_draft_that_reweights_groups_moves_every_total_as_worked_out_by_hand_and_swaps_the_ranks()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-draft");
        await host.SeedAsync(Example.Provinces);
        using var admin = host.Client(FrameworkAdmin);

        var simulation = await OkAsync(await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft = FrameworkDrafts.Reweighted() }));

        Assert.True(simulation.GetProperty("simulation").GetBoolean());
        Assert.Equal("Mô phỏng – không phải kết quả chính thức", simulation.GetProperty("label").GetString());
        var baseline = simulation.GetProperty("baseline");
        Assert.Equal(("unpublished", JsonValueKind.Null, Shipped), (baseline.GetProperty("kind").GetString(),
            baseline.GetProperty("revision").ValueKind, baseline.GetProperty("frameworkVersion").GetString()));
        Assert.Equal("Chưa công bố – tính từ số liệu đã duyệt hiện có", baseline.GetProperty("label").GetString());
        var alternative = simulation.GetProperty("alternative");
        Assert.Equal((FrameworkDrafts.ReweightedVersion, true), (alternative.GetProperty("frameworkVersion").GetString(), alternative.GetProperty("draft").GetBoolean()));
        Assert.StartsWith("Chấm điểm hằng tháng", alternative.GetProperty("name").GetString(), StringComparison.Ordinal);

        var units = Units(simulation);
        Assert.Equal(["lao-cai", "thanh-hoa"], units.Keys);
        Assert.Equal(((71m, "B", 1), (64m, "C", 2), -7m), Side(units["lao-cai"]));
        Assert.Equal(((40m, "D", 2), (65m, "C", 1), 25m), Side(units["thanh-hoa"]));
        Assert.Equal([("B", 20m, 5m), ("C1", 5m, 11.25m), ("C2", 5m, 11.25m), ("D1", 5m, 2.5m), ("D2", 5m, 2.5m)], Moved(units["lao-cai"]));
        Assert.Equal([("C1", 10m, 22.5m), ("C2", 10m, 22.5m)], Moved(units["thanh-hoa"]));
        Assert.Equal("Dữ liệu được số hoá, tạo lập", units["thanh-hoa"].GetProperty("indicatorsMoved")[0].GetProperty("name").GetString());

        var summary = simulation.GetProperty("summary");
        Assert.Equal((2, 2), (summary.GetProperty("unitsChangedClass").GetInt32(), summary.GetProperty("unitsChangedRank").GetInt32()));
        Assert.Equal(("thanh-hoa", 25m), (summary.GetProperty("biggestGain").GetProperty("unit").GetString(), summary.GetProperty("biggestGain").GetProperty("delta").GetDecimal()));
        Assert.Equal(("lao-cai", -7m), (summary.GetProperty("biggestLoss").GetProperty("unit").GetString(), summary.GetProperty("biggestLoss").GetProperty("delta").GetDecimal()));
    }

    // After publishing revision 1 (Lào Cai 71), Lào Cai's A.onTime is corrected from 8 to 10: a new run would give
    // A1 = 10/10 × 18 = 18 (72.3 + … → 75), but the simulation scores the published period: before and after stay 71.
    [Fact]
    public async Task A_published_period_is_compared_with_its_current_revision_and_the_simulation_stores_and_sends_nothing()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-official");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using (var publisher = host.Client(MonthlyScoringHost.Publisher))
            Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher)).StatusCode);
        await host.CorrectAsync("lao-cai", "A.onTime", 10);
        var (runs, outbox) = await CountsAsync(host);
        using var admin = host.Client(FrameworkAdmin);

        var same = await OkAsync(await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", frameworkVersion = Shipped }));
        var draft = await OkAsync(await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft = FrameworkDrafts.Reweighted() }));

        Assert.Equal(("official", 1, "Kết quả chính thức (công bố lần 1)"), (same.GetProperty("baseline").GetProperty("kind").GetString(),
            same.GetProperty("baseline").GetProperty("revision").GetInt32(), same.GetProperty("baseline").GetProperty("label").GetString()));
        Assert.Equal(((71m, "B", 1), (71m, "B", 1), 0m), Side(Units(same)["lao-cai"]));
        Assert.Equal(((71m, "B", 1), (64m, "C", 2), -7m), Side(Units(draft)["lao-cai"]));
        Assert.Equal((runs, outbox), await CountsAsync(host));
        Assert.Single(await host.OutboxAsync("ScoresPublished"));
    }

    [Fact]
    public async Task The_version_the_period_was_scored_with_changes_no_unit()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-same");
        await host.SeedAsync(Example.WithSilentProvince);
        using var admin = host.Client(FrameworkAdmin);
        var (runs, outbox) = await CountsAsync(host);

        var simulation = await OkAsync(await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", frameworkVersion = Shipped }));

        Assert.False(simulation.GetProperty("alternative").GetProperty("draft").GetBoolean());
        var units = Units(simulation);
        Assert.Equal(3, units.Count);
        Assert.All(units.Values, u => Assert.Empty(u.GetProperty("indicatorsMoved").EnumerateArray()));
        Assert.Equal(((71m, "B", 1), (71m, "B", 1), 0m), Side(units["lao-cai"]));
        // Hà Giang reported nothing: no total, class or rank on either side, and no change to speak of.
        var silent = units["ha-giang"];
        Assert.Equal((false, false, JsonValueKind.Null), (silent.GetProperty("before").GetProperty("reported").GetBoolean(),
            silent.GetProperty("after").GetProperty("reported").GetBoolean(), silent.GetProperty("delta").ValueKind));
        var summary = simulation.GetProperty("summary");
        Assert.Equal((0, 0, JsonValueKind.Null, JsonValueKind.Null), (summary.GetProperty("unitsChangedClass").GetInt32(),
            summary.GetProperty("unitsChangedRank").GetInt32(), summary.GetProperty("biggestGain").ValueKind, summary.GetProperty("biggestLoss").ValueKind));
        Assert.Equal((runs, outbox), await CountsAsync(host));
    }

    // A later version the service knows (effective from 2027) renames E2 to E4: an earlier period scored under it shows
    // E2 removed and E4 added for every unit, with the same points (Lào Cai 5, a report; Thanh Hóa 0), totals unchanged.
    [Fact]
    public async Task Another_version_the_service_knows_applies_whatever_its_effective_dates_and_shows_indicators_added_and_removed()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-version");
        await host.SeedAsync(Example.Provinces);
        var later = FrameworkDrafts.Shipped();
        later["version"] = "Phiên bản thử nghiệm 2027";
        later["effectiveFrom"] = "2027-01";
        FrameworkDrafts.Indicator(later, "E2")["code"] = "E4";
        // The shipped version ends where the later one begins (versions of one framework may not overlap).
        var current = FrameworkDrafts.Shipped();
        current["effectiveTo"] = "2026-12";
        var others = FrameworkCatalog.ShippedDefinitions().Where(d => d.Id != "monthly-4585");
        host.Services.GetRequiredService<FrameworkVersions>().Replace(
            new FrameworkCatalog([.. others, FrameworkCatalog.Parse(current.ToJsonString()), FrameworkCatalog.Parse(later.ToJsonString())]));
        using var admin = host.Client(FrameworkAdmin);

        var simulation = await OkAsync(await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", frameworkVersion = "Phiên bản thử nghiệm 2027" }));

        Assert.Equal(("Phiên bản thử nghiệm 2027", false), (simulation.GetProperty("alternative").GetProperty("frameworkVersion").GetString(),
            simulation.GetProperty("alternative").GetProperty("draft").GetBoolean()));
        var laoCai = Units(simulation)["lao-cai"];
        Assert.Equal(((71m, "B", 1), (71m, "B", 1), 0m), Side(laoCai));
        Assert.Equal([("E2", 5m, (decimal?)null, "removed"), ("E4", null, 5m, "added")], laoCai.GetProperty("indicatorsMoved").EnumerateArray()
            .Select(i => (i.GetProperty("code").GetString(), Number(i.GetProperty("before")), Number(i.GetProperty("after")), i.GetProperty("change").GetString())));
        Assert.Equal([("E2", 0m, (decimal?)null, "removed"), ("E4", null, 0m, "added")], Units(simulation)["thanh-hoa"].GetProperty("indicatorsMoved").EnumerateArray()
            .Select(i => (i.GetProperty("code").GetString(), Number(i.GetProperty("before")), Number(i.GetProperty("after")), i.GetProperty("change").GetString())));
        var summary = simulation.GetProperty("summary");
        Assert.Equal(["E4"], summary.GetProperty("indicatorsAdded").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(["E2"], summary.GetProperty("indicatorsRemoved").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    public static TheoryData<string, string, string[]> BadRequests => new()
    {
        // body, the fields named in errors, a phrase of the messages
        { """{ "period": "2026", "peerGroup": "cities" }""", "cần một tháng dạng YYYY-MM", ["period", "peerGroup", "frameworkVersion"] },
        { """{ "period": "01/2026", "peerGroup": "provinces", "frameworkVersion": "4585/QĐ-BKHCN (30/12/2025)" }""", "không hợp lệ", ["period"] },
        { """{ "period": "2026-01", "peerGroup": "provinces", "frameworkVersion": "4585/QĐ-BKHCN (30/12/2025)", "draft": {} }""", "Chỉ chọn một trong hai", ["frameworkVersion"] },
        { """{ "period": "2026-01", "peerGroup": "provinces", "frameworkVersion": "9999/QĐ-BKHCN" }""", "Không có phiên bản \"9999/QĐ-BKHCN\"", ["frameworkVersion"] },
        { """{ "period": "2026-01", "peerGroup": "provinces", "draft": "monthly-4585.json" }""", "phải là một đối tượng JSON", ["draft"] },
        { """{ "period": "2026-01", "peerGroup": "provinces", "draft": { "id": "monthly-4585" } }""", "thiếu trường bắt buộc", ["draft"] },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_answers_400_with_every_problem_in_vietnamese_by_field(string body, string phrase, string[] fields)
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-bad");
        await host.SeedAsync(Example.Provinces);
        using var admin = host.Client(FrameworkAdmin);

        var response = await admin.PostAsync("/api/monthly-scoring/simulations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Dữ liệu không hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains(phrase, string.Join("\n", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString())), StringComparison.Ordinal);
    }

    // Three mistakes in one draft, each keyed by where it is in the request: C1 worth 12 (C adds up to 22, not 20), an
    // unknown operation in A1's rule, and a class band out of order.
    [Fact]
    public async Task A_drafts_problems_are_all_told_at_once_keyed_by_their_json_path()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-draft-bad");
        await host.SeedAsync(Example.Provinces);
        using var admin = host.Client(FrameworkAdmin);
        var draft = FrameworkDrafts.Shipped();
        FrameworkDrafts.Indicator(draft, "C1")["max"] = 12;
        FrameworkDrafts.Indicator(draft, "A1")["rule"] = JsonNode.Parse("""{ "op": "percent", "of": ["A.onTime"] }""");
        draft["classes"]![1]!["min"] = 90;

        var response = await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["nhóm C: tổng điểm tối đa của các thành phần là 22, khác 20"], Messages(errors, "draft.groups[2]"));
        Assert.Equal(["A1.rule: phép \"percent\" không có trong bộ quy tắc"], Messages(errors, "draft.groups[0].indicators[0].rule"));
        Assert.Equal(["xếp loại B: ngưỡng phải giảm dần"], Messages(errors, "draft.classes[1]"));
        Assert.Equal(3, errors.EnumerateObject().Count());
    }

    [Fact]
    public async Task A_draft_that_does_not_parse_names_the_json_path_and_one_of_another_framework_is_refused()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-draft-kind");
        await host.SeedAsync(Example.Provinces);
        using var admin = host.Client(FrameworkAdmin);
        var mistyped = FrameworkDrafts.Shipped();
        mistyped["maxPoints"] = "một trăm";

        var typed = await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft = mistyped });
        var other = await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft = FrameworkDrafts.Shipped("nq57-self-2026") });

        var typedErrors = (await typed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.EndsWith("giá trị không đúng kiểu", Assert.Single(Messages(typedErrors, "draft.maxPoints")), StringComparison.Ordinal);
        var otherErrors = (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("chỉ mô phỏng được khung monthly-4585", Assert.Single(Messages(otherErrors, "draft.id")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_the_draft_refuses_answer_422_naming_the_unit_and_input()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-refused");
        await host.SeedAsync(Example.Provinces);
        using var admin = host.Client(FrameworkAdmin);
        var draft = FrameworkDrafts.Shipped();
        draft["version"] = "Dự thảo B1 tối đa 10";
        draft["inputs"]!.AsArray().Single(i => (string?)i!["key"] == "B.B1")!["max"] = 10;

        var response = await SimulateAsync(admin, new { period = "2026-01", peerGroup = "provinces", draft });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Không chấm được điểm theo phiên bản mô phỏng", problem.GetProperty("title").GetString());
        Assert.Contains("lao-cai, B.B1:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Dự thảo B1 tối đa 10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string, HttpStatusCode> Callers => new()
    {
        { "reporter", [PlatformRoles.Reporter], "vn", HttpStatusCode.Forbidden },
        { "reviewer", [PlatformRoles.Reviewer], "vn", HttpStatusCode.Forbidden },
        { "publisher", [PlatformRoles.Publisher], "vn", HttpStatusCode.Forbidden },
        { "leader", [PlatformRoles.Leader], "vn", HttpStatusCode.Forbidden },
        { "platform-admin", [PlatformRoles.PlatformAdmin], "vn", HttpStatusCode.Forbidden },
        // A province's framework administrator would read every province's results: national only.
        { "lao-cai.framework-admin", [PlatformRoles.FrameworkAdmin], "lao-cai", HttpStatusCode.Forbidden },
        { "khung-chi-so", [PlatformRoles.FrameworkAdmin], "vn", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_a_national_framework_administrator_may_simulate(string username, string[] roles, string unit, HttpStatusCode expected)
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "sim-roles");
        await host.SeedAsync(Example.Provinces);
        using var client = host.Client(new TestUser(username, roles, OrgUnit: unit));

        var response = await SimulateAsync(client, new { period = "2026-01", peerGroup = "provinces", frameworkVersion = Shipped });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Equal("Không có quyền thực hiện", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SimulateAsync(anonymous, new { period = "2026-01" })).StatusCode);
    }

    private static Task<HttpResponseMessage> SimulateAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/monthly-scoring/simulations", body, Ct);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<(int Runs, int Outbox)> CountsAsync(ServiceHost<Program, Platform.MonthlyScoring.Data.MonthlyScoringDbContext> host)
    {
        await using var db = host.Db();
        return (await db.ScoreRuns.CountAsync(Ct), await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    private static Dictionary<string, JsonElement> Units(JsonElement simulation) =>
        simulation.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);

    private static ((decimal?, string?, int?), (decimal?, string?, int?), decimal?) Side(JsonElement unit) =>
        (Standing(unit.GetProperty("before")), Standing(unit.GetProperty("after")), Number(unit.GetProperty("delta")));

    private static (decimal?, string?, int?) Standing(JsonElement s) =>
        (Number(s.GetProperty("total")), s.GetProperty("class").GetString(), s.GetProperty("rank").ValueKind == JsonValueKind.Null ? null : s.GetProperty("rank").GetInt32());

    private static List<(string?, decimal?, decimal?)> Moved(JsonElement unit) => unit.GetProperty("indicatorsMoved").EnumerateArray()
        .Select(i => (i.GetProperty("code").GetString(), Number(i.GetProperty("before")), Number(i.GetProperty("after")))).ToList();

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private static string[] Messages(JsonElement errors, string key) =>
        errors.TryGetProperty(key, out var list) ? list.EnumerateArray().Select(m => m.GetString()!).ToArray() : [$"(no errors.{key}: {errors})"];
}
