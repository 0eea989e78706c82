using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.PublicResults;
using Platform.MonthlyScoring.Runs;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Tests.Publication;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Frameworks;

/// <summary>
/// A version intake records reaches this service as <see cref="FrameworkVersionPublished"/>: later periods are scored
/// under it, a period already published keeps the version it was published with.
/// </summary>
public sealed class FrameworkVersionTests(PlatformInfrastructure infrastructure)
{
    private const string Shipped = "4585/QĐ-BKHCN (30/12/2025)";
    private const string Amended = "4585-sửa-đổi (15/01/2026)";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The shipped monthly definition with class A from 70 points and B from 60, in force from February 2026.</summary>
    private static FrameworkVersionPublished AmendedVersion()
    {
        var shipped = FrameworkCatalog.ShippedFiles().Single(f => f.Contains("\"monthly-4585\"", StringComparison.Ordinal));
        var node = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node["version"] = Amended;
        node["effectiveFrom"] = "2026-02";
        var classes = node["classes"]!.AsArray();
        classes.Single(c => (string?)c!["code"] == "A")!["min"] = 70;
        classes.Single(c => (string?)c!["code"] == "B")!["min"] = 60;
        return new FrameworkVersionPublished("national", "monthly-4585", Amended, "Phương án chấm điểm sửa đổi", "2026-02", null,
            "Quyết định số 99/QĐ-BKHCN ngày 15/01/2026", "uploaded", node.ToJsonString(), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_later_month_is_scored_under_the_new_version_and_the_published_month_keeps_its_own()
    {
        await using var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "fwversions");
        await SeedAsync(host, "2026-01", "2026-02");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var january = await Publishing.PublishAsync(publisher);
        Assert.Equal(HttpStatusCode.Created, january.StatusCode);

        var message = AmendedVersion();
        var id = await host.DeliverAsync(message);
        await host.DeliverAsync(message, id);
        await host.DeliverAsync(message);

        var february = await RunAsync(publisher, "2026-02");
        var januaryAgain = await RunAsync(publisher, "2026-01");
        var preview = await Publishing.PreviewAsync(publisher);
        var published = await publisher.GetFromJsonAsync<PublishedResults>("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces", Ct);

        // Lào Cai totals 71 (worked out in ScoreRunTests): class B under the shipped bands (B from 70 to under 85),
        // class A under the amended ones (A from 70). Thanh Hóa's 40 is D under both (C from 50).
        Assert.Equal(Amended, february.Run.FrameworkVersion);
        Assert.Equal(("A", "D"), (Class(february, "lao-cai"), Class(february, "thanh-hoa")));
        Assert.Equal(Shipped, januaryAgain.Run.FrameworkVersion);
        Assert.Equal(("B", "D"), (Class(januaryAgain, "lao-cai"), Class(januaryAgain, "thanh-hoa")));
        Assert.Equal((Shipped, false, true), (preview.GetProperty("frameworkVersion").GetString(),
            preview.GetProperty("correctionNeeded").GetBoolean(), preview.GetProperty("unchanged").GetBoolean()));
        Assert.Equal((Shipped, "B"), (published!.FrameworkVersion, published.Results.Single(r => r.Unit == "lao-cai").Classification));
        await using var db = host.Db();
        Assert.Single(await db.FrameworkVersions.Where(v => v.Version == Amended).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_version_that_does_not_read_here_is_left_out_and_scoring_goes_on_under_the_others()
    {
        await using var host = await MonthlyScoringHost.StartOnSystemClockAsync(infrastructure, "fwunreadable");
        await SeedAsync(host, "2026-02");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);

        await host.DeliverAsync(AmendedVersion() with { Definition = "{ \"id\": \"monthly-4585\" }" });
        var february = await RunAsync(publisher, "2026-02");

        Assert.Equal(Shipped, february.Run.FrameworkVersion);
        await using var db = host.Db();
        Assert.Empty(await db.FrameworkVersions.ToListAsync(Ct));
    }

    private static string? Class(RunResults run, string unit) => run.Results.Single(r => r.Unit == unit).Classification;

    private static async Task<RunResults> RunAsync(HttpClient client, string period)
    {
        var created = await client.PostAsJsonAsync("/api/monthly-scoring/runs", new CreateRunRequest(period, "provinces"), Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(Ct)}");
        var run = (await created.Content.ReadFromJsonAsync<RunView>(Ct))!;
        return (await client.GetFromJsonAsync<RunResults>($"/api/monthly-scoring/runs/{run.Id}/results", Ct))!;
    }

    /// <summary>The national root, the example's two provinces with their approved values in each period, January closed.</summary>
    private static async Task SeedAsync(ServiceHost<Program, MonthlyScoringDbContext> host, params string[] periods)
    {
        await using var db = host.Db();
        db.Units.Add(new KnownUnit { Tenant = "national", Code = "vn", Name = "Việt Nam", Kind = "national", Revision = 1 });
        foreach (var (unit, values) in Example.Provinces)
        {
            db.Units.Add(new KnownUnit { Tenant = "national", Code = unit, Name = unit, Kind = "province", ParentCode = "vn", PeerGroups = ["provinces"], Revision = 1 });
            foreach (var period in periods)
            {
                foreach (var (key, value) in values)
                {
                    db.ApprovedValues.Add(new ApprovedValue
                    {
                        Tenant = "national", FrameworkId = "monthly-4585", Period = period, Unit = unit, InputKey = key,
                        ValueJson = JsonSerializer.Serialize(value), FrameworkVersion = Shipped, SubmissionId = Guid.NewGuid(),
                        SubmissionRevision = 2, ReportingUnit = unit, ApprovedAt = DateTimeOffset.UtcNow,
                    });
                }
            }
        }
        db.ClosedPeriods.Add(new ClosedPeriod
        {
            Tenant = "national", FrameworkId = "monthly-4585", Period = "2026-01", Level = "to-national",
            DueAt = DateTimeOffset.UtcNow.AddDays(-1), ClosedAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        await db.SaveChangesAsync(Ct);
    }
}
