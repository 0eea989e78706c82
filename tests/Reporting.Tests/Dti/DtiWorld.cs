using Platform.Contracts;
using Platform.Reporting.Data;
using Platform.Reporting.Tests.Dashboards;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Dti;

/// <summary>The DTI of 2025 and 2026 (2026 corrected once: Hà Nội's pillar 3 completed), delivered through the consumers.</summary>
internal static class DtiWorld
{
    public const string Framework = "dti-province-405";
    public const string Version = "405/QĐ-BKHCN (03/4/2025)";
    public const string Reason = "Bổ sung số liệu trụ cột Hạ tầng số của Thành phố Hà Nội";

    public static async Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix)
    {
        var host = await ReportingHost.StartAsync(infrastructure, prefix, PublishedWorld.Now);
        await PublishedWorld.DeliverUnitsAsync(host);
        await host.DeliverAsync(new DxIndexPublished(PublishedWorld.Tenant, Framework, Version, "2025", 1, null, null, null,
            [Province("ha-noi", 700m, 1), Province("lao-cai", 600m, 2), Province("thanh-hoa", 500m, 3)],
            new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new DxIndexPublished(PublishedWorld.Tenant, Framework, Version, "2026", 2, 1, Reason, ["ha-noi"],
            [Province("ha-noi", 760.5m, 1), Province("lao-cai", 750m, 2), NotReported("thanh-hoa")],
            new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)));
        await host.DeliverAsync(new DxIndexPublished(PublishedWorld.Tenant, Framework, Version, "2026", 1, null, null, null,
            [Province("lao-cai", 750m, 1), Province("ha-noi", 720m, 2), NotReported("thanh-hoa")],
            new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)));
        return host;
    }

    /// <summary>Pillar 3 (Hạ tầng số) carries the difference; the others fixed.</summary>
    private static PublishedProvinceIndex Province(string unit, decimal total, int rank) =>
        new(unit, true, total, rank, new Dictionary<string, decimal>
        {
            ["1"] = 40m, ["2"] = 40m, ["3"] = total - 520m, ["4"] = 80m, ["5"] = 80m, ["6"] = 120m, ["7"] = 80m, ["8"] = 80m,
        }, new Dictionary<string, PublishedIndicatorScore>());

    private static PublishedProvinceIndex NotReported(string unit) =>
        new(unit, false, null, null, new Dictionary<string, decimal>(), new Dictionary<string, PublishedIndicatorScore>());
}
