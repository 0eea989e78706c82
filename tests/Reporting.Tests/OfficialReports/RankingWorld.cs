using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Reporting.Tests.OfficialReports;

/// <summary>
/// Published months delivered through the service's own consumers: five provinces and a ministry; October 2026 and
/// November 2026 for the provinces (November corrected once, with a reason), November for the ministries.
/// November, revision 2: Huế 92 (A, 1st; October 2nd with 80), Đắk Lắk 86 (A, 2nd; October 1st with 88), Hà Nội 75
/// (B, 3rd), Thanh Hóa 45 (D, 4th), Cà Mau not reported.
/// </summary>
internal static class RankingWorld
{
    public const string Tenant = ReportingHost.Tenant;
    public const string Framework = "monthly-4585";
    public const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    public const string Reason = "Sửa điểm nhóm B của Tỉnh Đắk Lắk theo số liệu Cổng dịch vụ công quốc gia";

    public static readonly DateTimeOffset Now = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NovemberFirst = new(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NovemberCorrected = new(2026, 12, 9, 2, 0, 0, TimeSpan.Zero); // 09:00 on 09/12 in Vietnam

    public static readonly TestUser National = new("tham-dinh.vn", [PlatformRoles.Reviewer], OrgUnit: "vn");
    public static readonly TestUser DakLakReviewer = new("tham-dinh.dak-lak", [PlatformRoles.Reviewer], OrgUnit: "dak-lak");
    public static readonly TestUser DakLakAgency = new("bao-cao.dak-lak.so-khcn", [PlatformRoles.Reporter], OrgUnit: "dak-lak.so-khcn");
    public static readonly TestUser HueReporter = new("bao-cao.hue", [PlatformRoles.Reporter], OrgUnit: "hue");

    public static async Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = await ReportingHost.StartAsync(infrastructure, prefix, Now);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "vn", "Cả nước", "national", null, 1, at));
        foreach (var (code, name) in new[] { ("hue", "Tỉnh Thừa Thiên Huế"), ("dak-lak", "Tỉnh Đắk Lắk"), ("ha-noi", "Thành phố Hà Nội"),
                                             ("thanh-hoa", "Tỉnh Thanh Hóa"), ("ca-mau", "Tỉnh Cà Mau") })
            await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, code, name, "province", "vn", 1, at, ["provinces"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "bo-khcn", "Bộ Khoa học và Công nghệ", "ministry", "vn", 1, at, ["ministries"]));
        await host.DeliverAsync(new OrganisationUnitRegistered(Tenant, "dak-lak.so-khcn", "Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "agency", "dak-lak", 1, at));

        // Out of order on purpose: the correction arrives first.
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "provinces", 2, 1, Reason, ["dak-lak"],
            [Score("hue", 92m, "A", 1), Score("dak-lak", 86m, "A", 2, bonus: 2m), Score("ha-noi", 75m, "B", 3), Score("thanh-hoa", 45m, "D", 4),
             NotReported("ca-mau", 5)], NovemberCorrected));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-10", "provinces", 1, null, null, null,
            [Score("dak-lak", 88m, "A", 1), Score("hue", 80m, "B", 2), Score("ha-noi", 70m, "B", 3), Score("ca-mau", 40m, "D", 4), NotReported("thanh-hoa", 5)],
            new DateTimeOffset(2026, 11, 8, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "provinces", 1, null, null, null,
            [Score("hue", 92m, "A", 1), Score("dak-lak", 82m, "B", 2), Score("ha-noi", 75m, "B", 3), Score("thanh-hoa", 45m, "D", 4),
             NotReported("ca-mau", 5)], NovemberFirst));
        await host.DeliverAsync(new ScoresPublished(Tenant, Framework, Version, "2026-11", "ministries", 1, null, null, null,
            [Score("bo-khcn", 90m, "A", 1)], new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero)));
        return host;
    }

    /// <summary>
    /// Groups A–E adding up to the total less the bonus; indicators: A1 16/18, A3 0/2 (missing), B 12/20, C1 4/10, D1 0/10
    /// (zero denominator), E3 5/5 — so the largest gaps are D1 (10), B (8), C1 (6), A3 (2), A1 (2).
    /// </summary>
    public static PublishedUnitScore Score(string unit, decimal total, string classification, int rank, decimal bonus = 0m) =>
        new(unit, total, total, classification, rank,
            new Dictionary<string, decimal> { ["A"] = 18.5m, ["B"] = 12m, ["C"] = 15m, ["D"] = 15m, ["E"] = total - bonus - 60.5m },
            new Dictionary<string, PublishedIndicatorScore>
            {
                ["A1"] = new(16m, 18m, []), ["A3"] = new(0m, 2m, ["missing"]), ["B"] = new(12m, 20m, []), ["C1"] = new(4m, 10m, []),
                ["D1"] = new(0m, 10m, ["zero-denominator"]), ["E3"] = new(5m, 5m, []),
            }, bonus);

    public static PublishedUnitScore NotReported(string unit, int rank) =>
        new(unit, 0m, 0m, null, rank, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>(), 0m, Reported: false);
}
