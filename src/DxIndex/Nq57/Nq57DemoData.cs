using Platform.DataAndMessaging.Database;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.DxIndex.Nq57;

/// <summary>
/// With <c>DxIndex:Nq57:DemoData=true</c> (AppHost sets it): an assessed round for the illustrative communes
/// ("dữ liệu minh họa": <c>thanh-hoa.xa-mau-01…07</c>, <c>lao-cai.xa-mau-01…05</c>) — approved values, a reviewer's
/// override with its comment, and a final decision — so a new user sees a filled ranking. Rows are marked
/// <see cref="Nq57Assessment.Demo"/>; a commune that already has a real row is left alone, and intake's events never
/// touch a demo row. Seeding is idempotent (only missing rows are added).
/// </summary>
public sealed class Nq57DemoData(IServiceScopeFactory scopes, IOptions<Nq57Options> options, IOptions<DxIndexOptions> dx, TimeProvider time)
    : IHostedService
{
    public static readonly IReadOnlyList<string> Communes =
        [.. Enumerable.Range(1, 7).Select(i => $"thanh-hoa.xa-mau-{i:D2}"), .. Enumerable.Range(1, 5).Select(i => $"lao-cai.xa-mau-{i:D2}")];

    public const string DemoReviewer = "demo.tham-dinh";
    public const string DemoLeader = "demo.ban-thuong-vu";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxIndexDbContext>();
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkCatalog>();
        await SeedAsync(db, frameworks, dx.Value.Tenant, options.Value.FrameworkId, options.Value.DemoRound, time.GetUtcNow(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task SeedAsync(DxIndexDbContext db, FrameworkCatalog frameworks, string tenant, string frameworkId, string round,
        DateTimeOffset now, CancellationToken ct)
    {
        var framework = frameworks.Find(frameworkId, null, round);
        if (framework is null) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Replicas starting together queue here; the later ones find every commune present (no duplicate-key failure at start).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey("nq57-demo:" + tenant)})", ct);
        var present = await db.Set<Nq57Assessment>().Where(a => a.Tenant == tenant && a.FrameworkId == frameworkId && a.Period == round
            && Communes.Contains(a.Unit)).Select(a => a.Unit).ToListAsync(ct);
        var at = new DateTimeOffset(2026, 6, 18, 2, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Communes.Count; i++)
        {
            var unit = Communes[i];
            if (present.Contains(unit)) continue;
            var assessment = Assessment(framework, tenant, round, unit, i, at);
            db.Set<Nq57Assessment>().Add(assessment);
            var result = new Scorer(framework).Score(Nq57Scoring.RequestOf(assessment, Nq57Scoring.Read<decimal>(assessment.ReviewerScoresJson))).Results[0];
            var final = result.Indicators.ToDictionary(s => s.Code, s => s.Reviewer ?? s.Score, StringComparer.Ordinal);
            var decided = Nq57Scoring.ScoreFinal(framework, assessment, final);
            db.Set<Nq57Decision>().Add(new Nq57Decision
            {
                Id = Guid.CreateVersion7(now),
                Tenant = tenant, FrameworkId = frameworkId, Period = round, Unit = unit,
                DecisionRevision = 1, AssessmentRevision = assessment.Revision,
                ScoresJson = JsonSerializer.Serialize(final), ChangesJson = "{}",
                Total = decided.Total, GroupA = decided.Groups.GetValueOrDefault("A"), GroupB = decided.Groups.GetValueOrDefault("B"),
                DecidedBy = DemoLeader, DecidedByName = "Ban Thường vụ (dữ liệu minh họa)", DecidedByUnit = unit.Split('.')[0],
                DecidedAt = at.AddDays(5), Demo = true,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A deterministic, varied self-assessment for the <paramref name="index"/>-th commune (also the benchmark's generator).</summary>
    public static Nq57Assessment Assessment(CompiledFramework framework, string tenant, string round, string unit, int index, DateTimeOffset at, bool demo = true)
    {
        decimal[] rates = [1m, 0.96m, 0.85m, 0.7m, 0.55m, 0.4m];
        decimal[] counts = [0m, 1m, 3m, 6m, 25m];
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var k = 0; k < framework.Inputs.Count; k++)
        {
            var input = framework.Inputs[k];
            values[input.Key] = input.Type switch
            {
                "choice" => input.Options!.Keys.ElementAt((index + k) % Math.Min(2, input.Options.Count)),
                "boolean" => (index + k) % 3 != 0,
                "count" => counts[(index * 2 + k) % counts.Length],
                _ => rates[(index + k * 5) % 4],
            };
        }
        var assessment = new Nq57Assessment
        {
            Tenant = tenant, FrameworkId = framework.Id, Period = round, Unit = unit, SubmissionId = Guid.CreateVersion7(at),
            FrameworkVersion = framework.Version, State = Nq57States.Approved, Late = false, Revision = 3, StateAt = at.AddDays(2),
            SubmittedBy = "demo." + unit, SubmittedAt = at, ApprovedBy = DemoReviewer, ApprovedAt = at.AddDays(2),
            ValuesJson = JsonSerializer.Serialize(values), Demo = demo,
        };
        // The reviewer lowers A.I.1.1 from "full" (1,5) to 0,75 with its reason, as seed 003's reviewer may.
        if (values["A.I.1.1"] is "full")
        {
            assessment.ReviewerScoresJson = JsonSerializer.Serialize(new Dictionary<string, decimal> { ["A.I.1.1"] = 0.75m });
            assessment.ReviewerCommentsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["A.I.1.1"] = "Kế hoạch ban hành chậm so với yêu cầu (dữ liệu minh họa)." });
        }
        return assessment;
    }
}
