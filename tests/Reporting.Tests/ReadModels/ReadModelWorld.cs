using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Reporting.Admin;
using Platform.Reporting.Data;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.ReadModels;

/// <summary>
/// A small history of the platform, in the order it happened: a root, two provinces with a department and a commune, a
/// ministry; a unit renamed (revision 2); the monthly framework; obligations announced and then changed (revision 2);
/// submissions handed in (one late), returned, handed in again, approved; both closures; a reopening; the provinces'
/// ranking and its correction, the ministries' ranking; the DTI of 2025.
/// </summary>
internal static class ReadModelWorld
{
    public const string Tenant = ReportingHost.Tenant;
    public const string Framework = "monthly-4585";
    public const string Period = "2026-01";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueProvince = new(2026, 2, 3, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueNational = new(2026, 2, 5, 17, 0, 0, TimeSpan.Zero);
    public static readonly Guid LateSubmission = new("0193f3a0-0000-7000-8000-000000000001");
    public static readonly Guid ReturnedSubmission = new("0193f3a0-0000-7000-8000-000000000002");
    public static readonly Guid ProvinceSubmission = new("0193f3a0-0000-7000-8000-000000000003");

    public static IReadOnlyList<IIntegrationEvent> Events()
    {
        var version = "4585/QĐ-BKHCN (30/12/2025)";
        return
        [
            new OrganisationUnitRegistered(Tenant, "vn", "Cả nước", "national", null, 1, T0),
            new OrganisationUnitRegistered(Tenant, "lao-cai", "Tỉnh Lào Cai", "province", "vn", 1, T0, ["provinces"]),
            new OrganisationUnitRegistered(Tenant, "ha-noi", "Thành phố Hà Nội", "city", "vn", 1, T0, ["provinces"]),
            new OrganisationUnitRegistered(Tenant, "bo-khcn", "Bộ Khoa học và Công nghệ", "ministry", "vn", 1, T0, ["ministries"]),
            new OrganisationUnitRegistered(Tenant, "lao-cai.so-tc", "Sở Tài chính", "department", "lao-cai", 1, T0),
            new OrganisationUnitRegistered(Tenant, "lao-cai.so-tc", "Sở Tài chính tỉnh Lào Cai", "department", "lao-cai", 2, T0.AddDays(3)),
            new OrganisationUnitRegistered(Tenant, "lao-cai.xa-sa-pa", "Phường Sa Pa", "commune", "lao-cai", 1, T0, ["lao-cai.communes"]),
            new FrameworkVersionPublished(Tenant, Framework, version, "Chấm điểm hằng tháng", "2026-01", null,
                "Quyết định 4585/QĐ-BKHCN ngày 30/12/2025", "shipped", ShippedDefinition(Framework), T0),
            Owed(DueProvince, "agency-to-province", "lao-cai", 1, ("lao-cai.so-tc", "lao-cai")),
            Owed(DueProvince, "agency-to-province", "lao-cai", 2, ("lao-cai.so-tc", "lao-cai"), ("lao-cai.xa-sa-pa", "lao-cai")),
            Owed(DueNational, "to-national", "vn", 1, ("lao-cai", "lao-cai"), ("ha-noi", "ha-noi"), ("bo-khcn", "bo-khcn")),
            Submitted(ProvinceSubmission, "lao-cai", 1, DueNational.AddDays(-2), late: false),
            Submitted(LateSubmission, "lao-cai.so-tc", 1, DueProvince.AddHours(5), late: true, target: "lao-cai"),
            Submitted(ReturnedSubmission, "ha-noi", 1, DueNational.AddDays(-3), late: false),
            new SubmissionReturned(ReturnedSubmission, Tenant, Framework, version, Period, "ha-noi", "ha-noi", "Thiếu số liệu nhóm C",
                "reviewer-1", 2, DueNational.AddDays(-2)),
            Submitted(ReturnedSubmission, "ha-noi", 3, DueNational.AddDays(1), late: true),
            Approved(ProvinceSubmission, "lao-cai", 2, DueNational.AddDays(-1), late: false),
            Approved(LateSubmission, "lao-cai.so-tc", 2, DueProvince.AddDays(1), late: true, target: "lao-cai"),
            new PeriodClosed(Tenant, Framework, version, Period, "agency-to-province", DueProvince, DueProvince.AddMinutes(1)),
            new PeriodClosed(Tenant, Framework, version, Period, "to-national", DueNational, DueNational.AddMinutes(1)),
            new PeriodReopened(Guid.Parse("0193f3a0-0000-7000-8000-0000000000aa"), Tenant, Framework, version, Period, "bo-khcn",
                DueNational.AddDays(3), "Sự cố đường truyền", "reviewer-2", DueNational.AddHours(2)),
            Scores("provinces", 1, null, null, DueNational.AddDays(6), ("lao-cai", 86.5m, "A", 1), ("ha-noi", 71m, "B", 2)),
            Scores("provinces", 2, 1, "Sửa số liệu nhóm C của Thành phố Hà Nội", DueNational.AddDays(8),
                ("ha-noi", 88m, "A", 1), ("lao-cai", 86.5m, "A", 2)),
            Scores("ministries", 1, null, null, DueNational.AddDays(6), ("bo-khcn", 0m, null, 2)),
            new DxIndexPublished(Tenant, "dti-province-405", "405/QĐ-BKHCN", "2025", 1, null, null, null,
            [
                new PublishedProvinceIndex("lao-cai", true, 612.35m, 1, new Dictionary<string, decimal> { ["1"] = 80m, ["2"] = 75.5m },
                    new Dictionary<string, PublishedIndicatorScore> { ["1.1"] = new(20m, 25m, []) }),
                new PublishedProvinceIndex("ha-noi", false, null, null, new Dictionary<string, decimal>(),
                    new Dictionary<string, PublishedIndicatorScore> { ["1.1"] = new(0m, 25m, ["missing"]) }),
            ], new DateTimeOffset(2026, 4, 10, 3, 0, 0, TimeSpan.Zero)),
        ];

        ObligationsAnnounced Owed(DateTimeOffset due, string level, string overseeing, int revision, params (string Reporting, string Target)[] reports) =>
            new(Tenant, Framework, version, Period, level, overseeing, due, revision,
                [.. reports.Select(r => new OwedReport(r.Reporting, r.Target, "lead", ["A.due", "A.onTime"]))], T0.AddDays(revision));

        SubmissionSubmitted Submitted(Guid id, string unit, int revision, DateTimeOffset at, bool late, string? target = null) =>
            new(id, Tenant, Framework, version, Period, unit, target ?? unit, late, "reporter-" + unit, revision, at);

        SubmissionApproved Approved(Guid id, string unit, int revision, DateTimeOffset at, bool late, string? target = null) =>
            new(id, Tenant, Framework, version, Period, unit, target ?? unit, new Dictionary<string, JsonElement>(), late, "reviewer-1", revision, at);

        ScoresPublished Scores(string peerGroup, int revision, int? supersedes, string? reason, DateTimeOffset at,
            params (string Unit, decimal Total, string? Class, int Rank)[] units) =>
            new(Tenant, Framework, version, Period, peerGroup, revision, supersedes, reason, supersedes is null ? null : ["ha-noi"],
                [.. units.Select(u => new PublishedUnitScore(u.Unit, u.Total, u.Total, u.Class, u.Rank,
                    u.Class is null ? new Dictionary<string, decimal>() : new Dictionary<string, decimal> { ["A"] = 18.5m, ["C"] = u.Total - 18.5m },
                    new Dictionary<string, PublishedIndicatorScore> { ["A1"] = new(16m, 18m, u.Class is null ? ["missing"] : []) },
                    0m, Reported: u.Class is not null))], at);
    }

    /// <summary>The shipped definition's JSON text, as intake publishes it.</summary>
    public static string ShippedDefinition(string framework)
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream($"Platform.Scoring.Frameworks.{framework}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Delivers each event through the service's bus as its own contract type (optionally with a message id).</summary>
    public static Task<Guid> DeliverAsync(ServiceHost<Program, ReportingDbContext> host, IIntegrationEvent message, Guid? messageId = null) =>
        (Task<Guid>)typeof(ServiceHost<Program, ReportingDbContext>).GetMethod(nameof(host.DeliverAsync))!
            .MakeGenericMethod(message.GetType()).Invoke(host, [message, messageId])!;

    /// <summary>Every read-model table, each row as PostgreSQL's text of the row, sorted: equal dumps mean equal tables.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DumpAsync(ServiceHost<Program, ReportingDbContext> host)
    {
        await using var db = host.Db();
        var dump = new Dictionary<string, string>();
        foreach (var table in JournalReplay.ReadModelTables)
        {
#pragma warning disable EF1002 // the table names are the service's own constants
            dump[table] = await db.Database.SqlQueryRaw<string>(
                $"""SELECT coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '') AS "Value" FROM {table} t""")
                .SingleAsync(TestContext.Current.CancellationToken);
#pragma warning restore EF1002
        }
        return dump;
    }
}
