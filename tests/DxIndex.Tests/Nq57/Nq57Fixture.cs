using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.DxIndex.Tests.Nq57;

/// <summary>People, units and events of the NQ57 tests: xã Như Thanh (Thanh Hóa) self-assesses round 2026.</summary>
internal static class Nq57Fixture
{
    public const string Framework = "nq57-self-2026";
    public const string Round = "2026";
    public const string Commune = "thanh-hoa.nhu-thanh";
    public static readonly DateTimeOffset Now = new(2026, 6, 25, 3, 0, 0, TimeSpan.Zero);

    public static readonly TestUser ThanhHoaReviewer = new("thanh-hoa.reviewer", [PlatformRoles.Reviewer], OrgUnit: "thanh-hoa");
    public static readonly TestUser ThanhHoaLeader = new("thanh-hoa.leader", [PlatformRoles.Leader], OrgUnit: "thanh-hoa");
    public static readonly TestUser LaoCaiLeader = new("lao-cai.leader", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    public static readonly TestUser CommuneLeader = new("thanh-hoa.nhu-thanh.leader", [PlatformRoles.Leader], OrgUnit: Commune);
    public static readonly TestUser CommuneReporter = new("thanh-hoa.nhu-thanh.reporter", [PlatformRoles.Reporter], OrgUnit: Commune);
    public static readonly TestUser NationalLeader = new("tw.leader", [PlatformRoles.Leader], OrgUnit: "vn");

    /// <summary>
    /// Self-assessment, worked out from the rubric (docs/… frameworks §3): A.I.1.1 "full" → 1,5; A.I.2.1 96% (> 95%) → 3;
    /// A.III.2.2 "partial" → discretionary, 0 until reviewed (cap 1); B.II.2 5 articles (≥ 5) → 10; everything else not
    /// reported → 0. Self total 14,5.
    /// </summary>
    public static readonly Dictionary<string, object> Values = new()
    {
        ["A.I.1.1"] = "full",
        ["A.I.2.1"] = 0.96m,
        ["A.III.2.2"] = "partial",
        ["B.II.2"] = 5,
    };

    /// <summary>The reviewer: A.I.1.1 1,5 → 0,75 and A.III.2.2 → 0,8, each with its reason. Reviewer total 0,75 + 3 + 0,8 + 10 = 14,55.</summary>
    public static readonly Dictionary<string, decimal> ReviewerScores = new() { ["A.I.1.1"] = 0.75m, ["A.III.2.2"] = 0.8m };

    public static readonly Dictionary<string, string> ReviewerComments = new()
    {
        ["A.I.1.1"] = "Kế hoạch ban hành chậm 2 tháng",
        ["A.III.2.2"] = "2/3 đơn vị trực thuộc đã kết nối",
    };

    public static SubmissionApproved Approved(string unit = Commune, int revision = 5, Guid? submission = null, DateTimeOffset? at = null,
        string framework = Framework, Dictionary<string, object>? values = null) => new(
        submission ?? SubmissionOf(unit), "national", framework, "Phụ lục Bảng chấm điểm, Công văn -CV/ĐU Đảng ủy xã Như Thanh (06/2026)", Round,
        unit, unit, JsonSerializer.SerializeToElement(values ?? Values).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        false, ThanhHoaReviewer.Subject, revision, at ?? new DateTimeOffset(2026, 6, 20, 2, 0, 0, TimeSpan.Zero), ReviewerScores, ReviewerComments);

    public static SubmissionSubmitted Submitted(string unit = Commune, int revision = 3, bool late = false) => new(
        SubmissionOf(unit), "national", Framework, "v", Round, unit, unit, late, CommuneReporter.Subject, revision,
        new DateTimeOffset(2026, 6, 18, 3, 0, 0, TimeSpan.Zero));

    public static SubmissionReturned Returned(string unit = Commune, int revision = 4) => new(
        SubmissionOf(unit), "national", Framework, "v", Round, unit, unit, "Thiếu minh chứng tiêu chí A.I.2.1", ThanhHoaReviewer.Subject, revision,
        new DateTimeOffset(2026, 6, 19, 1, 0, 0, TimeSpan.Zero));

    public static Guid SubmissionOf(string unit) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(unit)).AsSpan(0, 16));

    /// <summary>The unit directory the tests need: two provinces, their communes (peer group <c>&lt;province&gt;.communes</c>).</summary>
    public static async Task SeedUnitsAsync(ServiceHost<Program, DxIndexDbContext> host)
    {
        await using var db = host.Db();
        db.Units.AddRange(
            new KnownUnit { Tenant = "national", Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "thanh-hoa", Name = "Tỉnh Thanh Hóa", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "lao-cai", Name = "Tỉnh Lào Cai", Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = Commune, Name = "Xã Như Thanh", Kind = "commune", ParentCode = "thanh-hoa", PeerGroups = ["thanh-hoa.communes"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "thanh-hoa.xa-mau-01", Name = "Xã mẫu 01 (dữ liệu minh họa)", Kind = "commune", ParentCode = "thanh-hoa", PeerGroups = ["thanh-hoa.communes"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "thanh-hoa.so-khcn", Name = "Sở Khoa học và Công nghệ tỉnh Thanh Hóa", Kind = "department", ParentCode = "thanh-hoa", PeerGroups = ["thanh-hoa.departments"], Revision = 1 },
            new KnownUnit { Tenant = "national", Code = "lao-cai.xa-mau-01", Name = "Xã mẫu 01 (dữ liệu minh họa)", Kind = "commune", ParentCode = "lao-cai", PeerGroups = ["lao-cai.communes"], Revision = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static string Path(string unit = Commune) => $"/api/dx-index/nq57/rounds/{Round}/communes/{unit}";

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, object body, string unit = Commune) =>
        client.PostAsJsonAsync(Path(unit) + "/decisions", body, TestContext.Current.CancellationToken);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
