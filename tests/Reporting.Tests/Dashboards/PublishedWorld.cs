using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Reporting.Tests.Dashboards;

/// <summary>
/// A small published history delivered through the service's own consumers: four provinces' units, a ministry, October
/// and November 2026 for the provinces (November corrected once, with a reason), November for the ministries, and the
/// provinces' obligations to report to the centre with their submissions.
/// </summary>
internal static class PublishedWorld
{
    public const string Tenant = ReportingHost.Tenant;
    public const string Framework = "monthly-4585";
    public const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    public const string CorrectionReason = "Sửa số liệu nhóm B của Tỉnh Lào Cai theo Cổng dịch vụ công quốc gia";

    /// <summary>The service's clock: after every deadline of October and November.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);

    public static readonly TestUser NationalReviewer = new("tham-dinh.vn", [PlatformRoles.Reviewer], OrgUnit: "vn");
    public static readonly TestUser LaoCaiReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiLeader = new("lanh-dao.lao-cai", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    public static async Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = await ReportingHost.StartAsync(infrastructure, prefix, Now);
        await DeliverUnitsAsync(host);
        await DeliverScoresAsync(host);
        await DeliverComplianceAsync(host);
        return host;
    }

    public static async Task DeliverUnitsAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "vn", "Cả nước", "national", null, 1, at));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "lao-cai", "Tỉnh Lào Cai", "province", "vn", 1, at, ["provinces"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "ha-noi", "Thành phố Hà Nội", "province", "vn", 1, at, ["provinces"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "thanh-hoa", "Tỉnh Thanh Hóa", "province", "vn", 1, at, ["provinces"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "bo-tc", "Bộ Tài chính", "ministry", "vn", 1, at, ["ministries"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "lao-cai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "agency", "lao-cai", 1, at));
    }

    public static PublishedUnitScore Score(string unit, decimal total, string classification, int rank, decimal a = 18m) =>
        new(unit, total, total, classification, rank, new Dictionary<string, decimal> { ["A"] = a, ["B"] = total - a - 40m, ["C"] = 15m, ["D"] = 15m, ["E"] = 10m },
            new Dictionary<string, PublishedIndicatorScore> { ["A1"] = new(a, 20m, []) }, 0m);

    public static PublishedUnitScore NotReported(string unit, int rank) =>
        new(unit, 0m, 0m, null, rank, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>(), 0m, Reported: false);

    public static async Task DeliverScoresAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        // Deliberately out of order: the correction arrives before the revision it corrects.
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "provinces", 2, 1, CorrectionReason, ["lao-cai"],
            [Score("lao-cai", 86m, "A", 1), Score("ha-noi", 80m, "B", 2), Score("thanh-hoa", 45m, "D", 3)],
            new DateTimeOffset(2026, 12, 9, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-10", "provinces", 1, null, null, null,
            [Score("lao-cai", 88m, "A", 1), Score("ha-noi", 75m, "B", 2), NotReported("thanh-hoa", 3)],
            new DateTimeOffset(2026, 11, 8, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "provinces", 1, null, null, null,
            [Score("lao-cai", 72m, "B", 2), Score("ha-noi", 80m, "B", 1), Score("thanh-hoa", 45m, "D", 3)],
            new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "ministries", 1, null, null, null,
            [Score("bo-tc", 90m, "A", 1)], new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>
    /// Reports to the centre: October — Lào Cai late, Hà Nội on time; November — Lào Cai handed in on time but was
    /// returned and has not handed in again (not reported), Hà Nội on time; Thanh Hóa owes nothing.
    /// </summary>
    public static async Task DeliverComplianceAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        foreach (var (period, due) in new[] { ("2026-10", new DateTimeOffset(2026, 11, 4, 17, 0, 0, TimeSpan.Zero)),
                                              ("2026-11", new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero)) })
        {
            await host.DeliverAsync(new ObligationsAnnounced(Tenant, Framework, Version, period, "to-national", "vn", due, 1,
                [new("lao-cai", "lao-cai", "lead", ["A1"]), new("ha-noi", "ha-noi", "lead", ["A1"])], due.AddDays(-20)));
        }
        await Submitted(host, "lao-cai", "2026-10", late: true, new(2026, 11, 5, 1, 0, 0, TimeSpan.Zero));
        await Submitted(host, "ha-noi", "2026-10", late: false, new(2026, 11, 3, 1, 0, 0, TimeSpan.Zero));
        var returned = await Submitted(host, "lao-cai", "2026-11", late: false, new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        await host.DeliverAsync(new SubmissionReturned(returned, Tenant, Framework, Version, "2026-11", "lao-cai", "lao-cai",
            "Thiếu minh chứng chỉ tiêu A1", "tham-dinh.vn", 2, new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero)));
        await Submitted(host, "ha-noi", "2026-11", late: false, new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
    }

    private static async Task<Guid> Submitted(ServiceHost<Program, ReportingDbContext> host, string unit, string period, bool late, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        await host.DeliverAsync(new SubmissionSubmitted(id, Tenant, Framework, Version, period, unit, unit, late, "bao-cao." + unit, 1, at));
        return id;
    }
}
