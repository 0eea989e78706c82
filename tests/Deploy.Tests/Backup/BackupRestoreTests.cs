extern alias reporting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.LocalInfrastructure;
using Platform.MonthlyScoring.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;
using ReportingDbContext = reporting::Platform.Reporting.Data.ReportingDbContext;
using ReportingProgram = reporting::Program;

namespace Platform.Deploy.Tests.Backup;

/// <summary>
/// deploy/backup/backup.sh and restore.sh against real PostgreSQL clusters: a month scored and published by monthly scoring,
/// received by reporting over RabbitMQ, backed up from cluster A, restored into a new cluster B, and read again through
/// both services' APIs running on B's databases with their own logins.
/// </summary>
public sealed class BackupRestoreTests(PlatformInfrastructure infrastructure) : IClassFixture<PlatformInfrastructure>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Tenant = "national";
    private const string Framework = "monthly-4585";
    private const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    private const string Period = "2026-01";

    /// <summary>10:00 on 6 February 2026 in Vietnam: January is past its national deadline. Both services run on this clock.</summary>
    private static readonly DateTimeOffset Now = new(2026, 2, 6, 3, 0, 0, TimeSpan.Zero);

    private static readonly TestUser Publisher = new("cong-bo.bo-khcn", [PlatformRoles.Publisher], OrgUnit: "vn");
    private static readonly TestUser Reviewer = new("tham-dinh.bo-khcn", [PlatformRoles.Reviewer], OrgUnit: "vn");

    [Fact]
    public async Task The_published_results_read_from_a_new_cluster_restored_from_the_backup_are_the_ones_read_before()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        var broker = await infrastructure.CreateVirtualHostAsync("backup-a");
        Dictionary<string, string> before;
        await using (var scoring = await StartScoringAsync(a, broker))
        await using (var reports = await StartReportingAsync(a, broker))
        {
            await PublishJanuaryAsync(scoring, reports);
            before = await ReadAsync(scoring, reports);

            // A hot backup: both services are still running.
            var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"), "--tenant", Tenant);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            TestContext.Current.SendDiagnosticMessage($"backup: {backup.Elapsed.TotalSeconds:0.0} s, {Directory.GetFiles(backup.Output).Sum(f => new FileInfo(f).Length)} bytes\n{backup.Errors}");
            Assert.Equal(before, await ReadAsync(scoring, reports));

            var b = await clusters.StartAsync("b");
            var restore = await clusters.RestoreAsync(b, backup.Output);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            TestContext.Current.SendDiagnosticMessage($"restore: {restore.Elapsed.TotalSeconds:0.0} s\n{restore.Errors}");

            // Every object belongs to the service's login, as if the service had created it.
            Assert.Equal(0L, await clusters.ScalarAsync<long>(b, "monthlyscoringdb",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'monthly_scoring'"));
            Assert.Equal(0L, await clusters.ScalarAsync<long>(b, "reportingdb",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'reporting'"));
            Assert.Equal("monthly_scoring", await clusters.ScalarAsync<string>(b, "postgres", "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = 'monthlyscoringdb'"));

            // A new broker too: a fresh virtual host with no queue and no message.
            var brokerB = await infrastructure.CreateVirtualHostAsync("backup-b");
            await using var scoringB = await StartScoringAsync(b, brokerB);
            await using var reportsB = await StartReportingAsync(b, brokerB);

            var after = await ReadAsync(scoringB, reportsB);
            TestContext.Current.SendDiagnosticMessage("reads compared: " + string.Join(", ", before.Select(r => $"{r.Key} ({r.Value.Length} chars)")));

            Assert.Equal(before.Keys, after.Keys);
            foreach (var (read, json) in before) Assert.True(json == after[read], $"{read} differs after the restore:\nbefore {json}\nafter  {after[read]}");
        }
    }

    private Task<ServiceHost<Program, MonthlyScoringDbContext>> StartScoringAsync(PostgresServer cluster, string broker) =>
        ServiceHost.StartAsync<Program, MonthlyScoringDbContext>(infrastructure, "monthlyscoringdb", "backup", Settings(
            ("ConnectionStrings:monthlyscoringdb", Clusters.ServiceConnection(cluster, "monthlyscoringdb", "monthly_scoring", "MONTHLY_SCORING_DB_PASSWORD")),
            ("ConnectionStrings:messaging", broker)), now: Now);

    private Task<ServiceHost<ReportingProgram, ReportingDbContext>> StartReportingAsync(PostgresServer cluster, string broker) =>
        ServiceHost.StartAsync<ReportingProgram, ReportingDbContext>(infrastructure, "reportingdb", "backup", Settings(
            ("ConnectionStrings:reportingdb", Clusters.ServiceConnection(cluster, "reportingdb", "reporting", "REPORTING_DB_PASSWORD")),
            ("ConnectionStrings:messaging", broker)), now: Now);

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] settings) => settings.ToDictionary(s => s.Key, s => s.Value);

    /// <summary>
    /// What intake would send (the units, two provinces' approved reports, the closed month) goes to both services on their
    /// shared broker; the publisher publishes; reporting receives monthly scoring's ScoresPublished from its outbox.
    /// </summary>
    private static async Task PublishJanuaryAsync(ServiceHost<Program, MonthlyScoringDbContext> scoring, ServiceHost<ReportingProgram, ReportingDbContext> reports)
    {
        // Reporting's queues must be bound before anything is published on the shared virtual host.
        var health = await reports.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Assert.Equal(BusHealthStatus.Healthy, health);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await scoring.DeliverAsync(new OrganisationUnitRegistered(Tenant, "vn", "Việt Nam", "national", null, 1, at));
        await scoring.DeliverAsync(new OrganisationUnitRegistered(Tenant, "lao-cai", "Tỉnh Lào Cai", "province", "vn", 1, at, ["provinces"]));
        await scoring.DeliverAsync(new OrganisationUnitRegistered(Tenant, "thanh-hoa", "Tỉnh Thanh Hóa", "province", "vn", 1, at, ["provinces"]));
        foreach (var (unit, values) in Values)
        {
            await scoring.DeliverAsync(new SubmissionApproved(Guid.NewGuid(), Tenant, Framework, Version, Period, unit, unit,
                values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value)), false, "tham-dinh.bo-khcn", 2, Now.AddDays(-2)));
        }
        await scoring.DeliverAsync(new PeriodClosed(Tenant, Framework, Version, Period, "to-national", Now.AddDays(-1), Now.AddDays(-1)));

        using var publisher = scoring.Client(Publisher);
        var preview = await publisher.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/publications/preview?period={Period}&peerGroup=provinces", Ct);
        using var published = await publisher.PostAsJsonAsync("/api/monthly-scoring/publications",
            new { period = Period, peerGroup = "provinces", reason = (string?)null, fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true }, Ct);
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync(Ct));

        using var reader = reports.Client(Reviewer);
        await Eventually.WaitForAsync(async () =>
        {
            using var response = await reader.GetAsync(Ranking, Ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(Ct) : response.StatusCode.ToString();
        }, body => body.Contains("Tỉnh Lào Cai", StringComparison.Ordinal) && body.Contains("Tỉnh Thanh Hóa", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "reporting's ranking of January with both provinces' names");
    }

    private const string Ranking = "/api/reporting/rankings/monthly-4585/2026-01/provinces";

    /// <summary>The published results as people read them: each API's JSON, byte for byte.</summary>
    private static async Task<Dictionary<string, string>> ReadAsync(ServiceHost<Program, MonthlyScoringDbContext> scoring, ServiceHost<ReportingProgram, ReportingDbContext> reports)
    {
        using var reviewer = scoring.Client(Reviewer);
        using var anonymous = scoring.Client(null);
        using var reportsReviewer = reports.Client(Reviewer);
        using var reportsAnonymous = reports.Client(null);
        var reads = new Dictionary<string, string>();
        async Task Read(string name, HttpClient client, string url)
        {
            using var response = await client.GetAsync(url, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {url}: {(int)response.StatusCode} {body}");
            reads[name] = body;
        }
        await Read("monthly-scoring runs", reviewer, $"/api/monthly-scoring/runs?period={Period}");
        var runs = JsonSerializer.Deserialize<JsonElement>(reads["monthly-scoring runs"]);
        var run = runs.ValueKind == JsonValueKind.Array ? runs.EnumerateArray().First() : runs.GetProperty("runs").EnumerateArray().First();
        await Read("monthly-scoring run results", reviewer, $"/api/monthly-scoring/runs/{run.GetProperty("id").GetString()}/results");
        await Read("monthly-scoring public results", anonymous, $"/api/monthly-scoring/public/results?period={Period}&peerGroup=provinces");
        await Read("monthly-scoring public periods", anonymous, "/api/monthly-scoring/public/periods");
        await Read("reporting rankings", reportsReviewer, "/api/reporting/rankings");
        await Read("reporting meeting ranking", reportsReviewer, Ranking);
        await Read("reporting public results", reportsAnonymous, $"/api/reporting/public/results/{Framework}/{Period}/provinces");
        await Read("reporting public publications", reportsAnonymous, "/api/reporting/public/publications");
        return reads;
    }

    /// <summary>Two provinces' January values (worked out by hand in MonthlyScoring.Tests: Lào Cai 71 (B), Thanh Hóa 40 (D)).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Values => MonthlyExample.Provinces;
}
