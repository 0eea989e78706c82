using System.Text.Json;
using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Reporting.Tests.Compliance;

/// <summary>
/// A small country fed through real events: the national root, Lào Cai with six agencies, Đồng Nai, the Ministry of
/// Finance. November 2026 of the monthly framework: agencies report to Lào Cai by 05/12 17:00 (Vietnam), provinces and
/// ministries to the centre by 10/12 17:00. The clock stands at 07/12/2026 10:00 (Vietnam): between the two deadlines.
/// </summary>
internal static class ComplianceWorld
{
    public const string Tenant = ReportingHost.Tenant;
    public const string Framework = "monthly-4585";
    public const string Version = "2026.1";
    public const string Period = "2026-11";
    public const string Root = "vn";
    public const string LaoCai = "lao-cai";
    public const string DongNai = "dong-nai";
    public const string Finance = "bo-tai-chinh";
    public const string AgencyLevel = "agency-to-province";
    public const string NationalLevel = "to-national";

    public static readonly DateTimeOffset Now = Vn(2026, 12, 7, 10);
    public static readonly DateTimeOffset AgencyDue = Vn(2026, 12, 5, 17);
    public static readonly DateTimeOffset NationalDue = Vn(2026, 12, 10, 17);

    /// <summary>Lào Cai's agencies, by code → name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Agencies = new Dictionary<string, string>
    {
        ["lao-cai.stc"] = "Sở Tài chính tỉnh Lào Cai",
        ["lao-cai.syt"] = "Sở Y tế tỉnh Lào Cai",
        ["lao-cai.sct"] = "Sở Công Thương tỉnh Lào Cai",
        ["lao-cai.sxd"] = "Sở Xây dựng tỉnh Lào Cai",
        ["lao-cai.snv"] = "Sở Nội vụ tỉnh Lào Cai",
        ["lao-cai.ptth"] = "Đài Phát thanh và Truyền hình tỉnh Lào Cai",
    };

    public static readonly TestUser NationalReviewer = new("tham-dinh.trung-uong", [PlatformRoles.Reviewer], OrgUnit: Root);
    public static readonly TestUser LaoCaiReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: LaoCai);
    public static readonly TestUser LaoCaiLeader = new("lanh-dao.lao-cai", [PlatformRoles.Leader], OrgUnit: LaoCai);
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai.stc", [PlatformRoles.Reporter], OrgUnit: "lao-cai.stc");

    /// <summary>A moment in Vietnam time (UTC+7).</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ReportingHost.StartAsync(infrastructure, prefix, Now);

    public static async Task RegisterUnitsAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        await Unit(host, Root, "Cả nước", "national", null);
        await Unit(host, LaoCai, "Tỉnh Lào Cai", "province", Root);
        await Unit(host, DongNai, "Tỉnh Đồng Nai", "province", Root);
        await Unit(host, Finance, "Bộ Tài chính", "ministry", Root);
        foreach (var (code, name) in Agencies) await Unit(host, code, name, "department", LaoCai);
        await Unit(host, "lao-cai.sgt", "Sở Giao thông vận tải tỉnh Lào Cai", "department", LaoCai);
    }

    public static Task Unit(ServiceHost<Program, ReportingDbContext> host, string code, string name, string kind, string? parent) =>
        host.DeliverAsync(new OrganisationUnitRegistered(Tenant, code, name, kind, parent, 1, Vn(2026, 1, 1, 8)));

    public static Task AnnounceAsync(ServiceHost<Program, ReportingDbContext> host, string framework, string period, string level, string overseeing,
        DateTimeOffset dueAt, int revision, IEnumerable<string> reporting, Func<string, string>? target = null) =>
        host.DeliverAsync(new ObligationsAnnounced(Tenant, framework, Version, period, level, overseeing, dueAt, revision,
            [.. reporting.Select(u => new OwedReport(u, target?.Invoke(u) ?? u, "lead", ["A.due"]))], Vn(2026, 11, 1, 8) + TimeSpan.FromMinutes(revision)));

    public static Task SubmittedAsync(ServiceHost<Program, ReportingDbContext> host, Guid id, string reporting, string target, bool late,
        DateTimeOffset at, int revision = 1, string framework = Framework, string period = Period) =>
        host.DeliverAsync(new SubmissionSubmitted(id, Tenant, framework, Version, period, reporting, target, late, "nguoi-bao-cao", revision, at));

    public static Task ApprovedAsync(ServiceHost<Program, ReportingDbContext> host, Guid id, string reporting, string target, bool late,
        DateTimeOffset at, int revision, string framework = Framework, string period = Period) =>
        host.DeliverAsync(new SubmissionApproved(id, Tenant, framework, Version, period, reporting, target,
            new Dictionary<string, JsonElement>(), late, "nguoi-tham-dinh", revision, at));

    public static Task ReturnedAsync(ServiceHost<Program, ReportingDbContext> host, Guid id, string reporting, string target, DateTimeOffset at,
        int revision, string framework = Framework, string period = Period) =>
        host.DeliverAsync(new SubmissionReturned(id, Tenant, framework, Version, period, reporting, target, "Thiếu số liệu", "nguoi-tham-dinh", revision, at));

    /// <summary>
    /// November as the class's tests read it:
    /// Sở Tài chính submitted on time (its submission arrived before the announcement), then approved → on-time, approved;
    /// Sở Y tế submitted late → late, awaiting review; Sở Công Thương and Đài PTTH nothing → not reported;
    /// Sở Xây dựng submitted on time, returned, not resubmitted → not reported, returned;
    /// Sở Nội vụ approved (on time) before its submitted event arrives → on-time, approved (unless
    /// <paramref name="homeAffairsApproved"/> is false: then nothing yet → not reported);
    /// Sở Giao thông vận tải owed in revision 1, dropped in revision 2 → not owed.
    /// To the centre: Đồng Nai submitted early → on-time, awaiting review; Lào Cai and the Ministry of Finance → not yet due.
    /// </summary>
    public static async Task NovemberAsync(ServiceHost<Program, ReportingDbContext> host, bool homeAffairsApproved = true)
    {
        await RegisterUnitsAsync(host);
        var stc = Guid.NewGuid();
        await SubmittedAsync(host, stc, "lao-cai.stc", LaoCai, false, Vn(2026, 12, 3, 9));
        await AnnounceAsync(host, Framework, Period, AgencyLevel, LaoCai, AgencyDue, 1, [.. Agencies.Keys, "lao-cai.sgt"], _ => LaoCai);
        await AnnounceAsync(host, Framework, Period, AgencyLevel, LaoCai, AgencyDue, 2, Agencies.Keys, _ => LaoCai);
        await AnnounceAsync(host, Framework, Period, NationalLevel, Root, NationalDue, 1, [LaoCai, DongNai, Finance]);
        await ApprovedAsync(host, stc, "lao-cai.stc", LaoCai, false, Vn(2026, 12, 4, 9), 2);
        await SubmittedAsync(host, Guid.NewGuid(), "lao-cai.syt", LaoCai, true, Vn(2026, 12, 6, 8));
        var sxd = Guid.NewGuid();
        await SubmittedAsync(host, sxd, "lao-cai.sxd", LaoCai, false, Vn(2026, 12, 2, 8));
        await ReturnedAsync(host, sxd, "lao-cai.sxd", LaoCai, Vn(2026, 12, 4, 8), 2);
        await SubmittedAsync(host, Guid.NewGuid(), DongNai, DongNai, false, Vn(2026, 12, 6, 15));
        if (homeAffairsApproved) await HomeAffairsApprovedAsync(host);
    }

    /// <summary>Sở Nội vụ: handed in 03/12, approved 04/12; the approval is delivered before the submission.</summary>
    public static readonly Guid HomeAffairs = Guid.Parse("7d0f6c4e-58a4-4b6b-9a36-2a7f1e6a0001");

    public static Task HomeAffairsApprovedAsync(ServiceHost<Program, ReportingDbContext> host) =>
        ApprovedAsync(host, HomeAffairs, "lao-cai.snv", LaoCai, false, Vn(2026, 12, 4, 10), 2);

    public static Task HomeAffairsSubmittedAsync(ServiceHost<Program, ReportingDbContext> host) =>
        SubmittedAsync(host, HomeAffairs, "lao-cai.snv", LaoCai, false, Vn(2026, 12, 3, 10));
}
