using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Frameworks;
using Platform.Intake.Tests.Submissions;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Frameworks;

public sealed class FrameworkUploadTests(PlatformInfrastructure infrastructure)
{
    public static readonly TestUser NationalAdmin = new("khung-chi-so", [PlatformRoles.FrameworkAdmin], OrgUnit: "vn");
    private static readonly TestUser ProvinceAdmin = new("quan-tri.lao-cai", [PlatformRoles.FrameworkAdmin], OrgUnit: "lao-cai");
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The shipped monthly definition with class A from 80 points, as a new version in force from <paramref name="from"/>.</summary>
    public static JsonObject NextMonthly(string from = "2026-07", string version = "4585-sửa-đổi (01/06/2026)")
    {
        var shipped = FrameworkCatalog.ShippedFiles().Single(f => f.Contains("\"monthly-4585\"", StringComparison.Ordinal));
        var node = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node["version"] = version;
        node["effectiveFrom"] = from;
        node["legalBasis"] = new JsonObject { ["document"] = "Quyết định số 1234/QĐ-BKHCN", ["date"] = "2026-06-01" };
        node["classes"]!.AsArray().Single(c => (string?)c!["code"] == "A")!["min"] = 80;
        return node;
    }

    private static StringContent Body(JsonNode node) => Body(node.ToJsonString());

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_shipped_versions_are_recorded_once_and_announced_once()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwseed");
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var list = (await reporter.GetFromJsonAsync<List<FrameworkVersionSummary>>("/api/intake/frameworks", SubmissionCalls.Json, Ct))!;
        await using (var db = host.Db()) Assert.Equal(0, await FrameworkSeeder.SeedAsync(db, "national", TimeProvider.System, Ct));

        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"], list.Select(v => v.Id));
        Assert.All(list, v => Assert.Equal("shipped", v.Source));
        Assert.Equal(4, (await host.OutboxAsync("FrameworkVersionPublished")).Count);
    }

    [Fact]
    public async Task A_preview_shows_the_changes_against_the_version_it_follows_and_stores_nothing()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwpreview");
        using var admin = host.Client(NationalAdmin);

        var response = await admin.PostAsync("/api/intake/frameworks/preview", Body(NextMonthly()), Ct);
        var preview = (await response.Content.ReadFromJsonAsync<FrameworkUploadPreview>(SubmissionCalls.Json, Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(preview.Problems);
        Assert.Equal(Shipped, preview.Follows!.Version);
        Assert.Equal("2026-06", preview.FollowsUntil);
        var change = Assert.Single(preview.Changes, c => c.Subject == "class");
        Assert.Equal(("changed", "A", "min", "85", "80"), (change.Kind, change.Code, change.Field, change.Before, change.After));
        Assert.Equal("Xếp loại A (Xuất sắc): ngưỡng điểm 85 → 80.", change.Text);
        Assert.Contains(preview.Changes, c => c.Field == "legalBasis" && c.After == "Quyết định số 1234/QĐ-BKHCN ngày 01/06/2026");
        Assert.Equal(4, (await host.OutboxAsync("FrameworkVersionPublished")).Count);
        await using var db = host.Db();
        Assert.Equal(4, await db.FrameworkVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task An_uploaded_version_is_in_force_from_its_period_and_the_one_it_follows_keeps_every_earlier_period()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwupload");
        using var admin = host.Client(NationalAdmin);
        using var reporter = host.Client(SubmissionsHost.Reporter);

        var created = await admin.PostAsync("/api/intake/frameworks", Body(NextMonthly()), Ct);
        var summary = (await created.Content.ReadFromJsonAsync<FrameworkVersionSummary>(SubmissionCalls.Json, Ct))!;
        var june = await reporter.GetFromJsonAsync<FrameworkVersionView>("/api/intake/frameworks/monthly-4585/in-force/2026-06", SubmissionCalls.Json, Ct);
        var july = await reporter.GetFromJsonAsync<FrameworkVersionView>("/api/intake/frameworks/monthly-4585/in-force/2026-07", SubmissionCalls.Json, Ct);
        var changes = await reporter.GetFromJsonAsync<FrameworkVersionChanges>(
            $"/api/intake/frameworks/monthly-4585/versions/{Uri.EscapeDataString(summary.Version)}/changes", SubmissionCalls.Json, Ct);
        var again = await admin.PostAsync("/api/intake/frameworks", Body(NextMonthly()), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("uploaded", "khung-chi-so"), (summary.Source, summary.RecordedBy));
        Assert.Equal((Shipped, "2026-06"), (june!.Definition.Version, june.Definition.EffectiveTo));
        Assert.Equal(summary.Version, july!.Definition.Version);
        Assert.Equal(80, july.Definition.Classes.Single(c => c.Code == "A").Min);
        Assert.Equal(Shipped, changes!.Follows!.Version);
        Assert.Contains(changes.Changes, c => c.Subject == "class" && c.After == "80");
        var events = await host.OutboxAsync("FrameworkVersionPublished");
        var published = Assert.Single(events.Select(e => JsonDocument.Parse(e).RootElement), e => e.GetProperty("source").GetString() == "uploaded");
        Assert.Equal((summary.Version, "2026-07"), (published.GetProperty("version").GetString(), published.GetProperty("effectiveFrom").GetString()));
        Assert.Equal(5, events.Count);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã có phiên bản", (await again.ProblemAsync()).GetProperty("errors").GetProperty("$.version")[0].GetString());
        await using var db = host.Db();
        Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "framework" && a.Action == "uploaded").ToListAsync(Ct));
    }

    [Fact]
    public async Task Every_problem_of_an_upload_is_named_by_where_it_is_and_nothing_is_stored()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwbad");
        using var admin = host.Client(NationalAdmin);
        var bad = NextMonthly(from: "2025-12", version: Shipped);
        bad.Remove("legalBasis");
        bad["periodType"] = "year";

        var rules = await (await admin.PostAsync("/api/intake/frameworks", Body(bad), Ct)).ProblemAsync();
        var broken = await admin.PostAsync("/api/intake/frameworks", Body("{ \"id\": \"monthly-4585\", \"groups\": [ { \"max\": \"hai mươi\" } ] }"), Ct);
        var unknown = NextMonthly();
        unknown["id"] = "khung-moi";
        var unknownProblem = await (await admin.PostAsync("/api/intake/frameworks", Body(unknown), Ct)).ProblemAsync();
        var badRule = NextMonthly();
        badRule["groups"]![0]!["indicators"]![0]!["rule"] = new JsonObject { ["op"] = "linear", ["num"] = "A.khong-co", ["den"] = "A.due" };
        var ruleProblem = await (await admin.PostAsync("/api/intake/frameworks", Body(badRule), Ct)).ProblemAsync();

        var errors = rules.GetProperty("errors");
        Assert.Equal("Không ghi nhận được phiên bản khung", rules.GetProperty("title").GetString());
        Assert.Contains("đã có phiên bản", errors.GetProperty("$.version")[0].GetString());
        Assert.Contains("Thiếu căn cứ pháp lý", errors.GetProperty("$.legalBasis")[0].GetString());
        Assert.Contains("Loại kỳ", errors.GetProperty("$.periodType")[0].GetString());
        Assert.Contains("phải có hiệu lực sau phiên bản hiện hành", errors.GetProperty("$.effectiveFrom")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var brokenErrors = (await broken.ProblemAsync()).GetProperty("errors");
        Assert.Contains(brokenErrors.EnumerateObject(), p => p.Name.StartsWith("$.groups[0].max", StringComparison.Ordinal)
                                                            && p.Value[0].GetString()!.Contains("dòng 1", StringComparison.Ordinal));
        Assert.Contains("chưa có trên nền tảng", unknownProblem.GetProperty("errors").GetProperty("$.id")[0].GetString());
        Assert.Contains("A.khong-co", ruleProblem.GetProperty("errors").GetProperty("definition")[0].GetString());
        await using var db = host.Db();
        Assert.Equal(4, await db.FrameworkVersions.CountAsync(Ct));
        Assert.Equal(4, (await host.OutboxAsync("FrameworkVersionPublished")).Count);
    }

    [Fact]
    public async Task Only_the_national_framework_administrator_records_a_version()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwauth");
        using var province = host.Client(ProvinceAdmin);
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var anonymous = host.Client(null);

        var byProvince = await province.PostAsync("/api/intake/frameworks", Body(NextMonthly()), Ct);
        var byReporter = await reporter.PostAsync("/api/intake/frameworks", Body(NextMonthly()), Ct);
        var previewByReporter = await reporter.PostAsync("/api/intake/frameworks/preview", Body(NextMonthly()), Ct);
        var byAnonymous = await anonymous.PostAsync("/api/intake/frameworks", Body(NextMonthly()), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byProvince.StatusCode);
        Assert.Contains("cấp trung ương", (await byProvince.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, previewByReporter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        await using var db = host.Db();
        Assert.Equal(4, await db.FrameworkVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task A_version_cannot_take_effect_from_a_period_already_closed()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "fwclosed");
        using var admin = host.Client(NationalAdmin);
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO closed_periods (tenant, framework_id, period, level, closed_at) VALUES ('national', 'monthly-4585', '2026-07', 'agency', now())", Ct);
        }

        var problem = await (await admin.PostAsync("/api/intake/frameworks", Body(NextMonthly(from: "2026-07")), Ct)).ProblemAsync();

        Assert.Contains("Kỳ 07/2026 đã chốt số liệu", problem.GetProperty("errors").GetProperty("$.effectiveFrom")[0].GetString());
    }
}
