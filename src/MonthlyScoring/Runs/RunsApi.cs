using Platform.Scoring;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Units;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.Runs;

/// <summary>Score runs: provisional scoring, results, explanations, a unit's history and the scoring-io export.</summary>
public static class RunsApi
{
    /// <summary>Who may score and read runs: reviewers, leaders, publishers and platform administrators.</summary>
    public static readonly string[] Readers = [PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin];

    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}").WithTags("Score runs")
            .RequireAuthorization(p => p.RequireRole(Readers));
        group.MapPost("/runs", CreateAsync);
        group.MapGet("/runs", ListAsync);
        group.MapGet("/runs/{id:guid}/results", ResultsAsync);
        group.MapGet("/runs/{id:guid}/units/{unit}/explanation", ExplainAsync);
        group.MapGet("/runs/{id:guid}/export", ExportAsync);
        group.MapGet("/units/{unit}/history", HistoryAsync);
        return group;
    }

    public static async Task<Results<Created<RunView>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateRunRequest body,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, TimeProvider time, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var errors = RunHttp.Check(frameworks, body.Period, body.PeerGroup, out var framework);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        ComputedRun computed;
        try
        {
            computed = await RunScoring.ComputeAsync(db, options.Value.Tenant, framework!, body.Period!, body.PeerGroup!, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }
        var run = ScoreRun.From(computed, options.Value.Tenant, ScoreRunKinds.Provisional, user.Subject() ?? "", time.GetUtcNow());
        db.ScoreRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/{MonthlyScoringModule.ServiceName}/runs/{run.Id}", RunView.Of(run, null));
    }

    public static async Task<Ok<List<RunView>>> ListAsync(string? period, string? peerGroup, MonthlyScoringDbContext db,
        IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        var runs = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && (period == null || r.Period == period) && (peerGroup == null || r.PeerGroup == peerGroup))
            .OrderBy(r => r.Period).ThenBy(r => r.PeerGroup).ThenBy(r => r.CreatedAt)
            .Select(r => new ScoreRun
            {
                Id = r.Id, Tenant = r.Tenant, FrameworkId = r.FrameworkId, FrameworkVersion = r.FrameworkVersion, Period = r.Period,
                PeerGroup = r.PeerGroup, Kind = r.Kind, Revision = r.Revision, Supersedes = r.Supersedes, Reason = r.Reason,
                ChangedUnits = r.ChangedUnits, CreatedBy = r.CreatedBy, CreatedAt = r.CreatedAt,
            })
            .ToListAsync(ct);
        var current = runs.Where(r => r.Revision is not null).GroupBy(r => (r.Period, r.PeerGroup))
            .ToDictionary(g => g.Key, g => g.Max(r => r.Revision));
        var scope = await RunScope.ForAsync(db, tenant, user, ct);
        return TypedResults.Ok(runs.Select(r => Shown(RunView.Of(r, current.GetValueOrDefault((r.Period, r.PeerGroup))), scope, user)).ToList());
    }

    public static async Task<Results<Ok<RunResults>, ProblemHttpResult>> ResultsAsync(Guid id, string? unit, string? @class,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        // A provisional run shows a caller below the national root only the units of their subtree.
        RunScope? scope = null;
        if (run.Kind == ScoreRunKinds.Provisional && (scope = await RunScope.ForAsync(db, options.Value.Tenant, user, ct)) is null)
            return ApiProblems.NoUnit();
        // Ranks are those of the whole peer group (a unit that has not reported is not ranked), then the caller's filter.
        var standings = Standings.Of(UnitResultView.Parse(run.ResultJson))
            .Where(s => (scope is null || scope.Sees(s.Line.Unit)) && (unit == null || s.Line.Unit == unit)
                && (@class == null || (s.Reported && s.Line.Classification == @class))).ToList();
        var names = await db.UnitNamesAsync(options.Value.Tenant, standings.Select(s => s.Line.Unit).ToList(), ct);
        var results = standings.Select(s => UnitResultLine.Of(s, names.GetValueOrDefault(s.Line.Unit))).ToList();
        scope ??= await RunScope.ForAsync(db, options.Value.Tenant, user, ct);
        return TypedResults.Ok(new RunResults(Shown(RunView.Of(run, await CurrentRevisionAsync(db, run, ct)), scope, user), results));
    }

    public static async Task<Results<Ok<UnitExplanation>, ProblemHttpResult>> ExplainAsync(Guid id, string unit,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, FrameworkCatalog frameworks, CancellationToken ct)
    {
        if (await FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        RunScope? scope = null;
        if (run.Kind == ScoreRunKinds.Provisional && (scope = await RunScope.ForAsync(db, options.Value.Tenant, user, ct)) is null)
            return ApiProblems.NoUnit();
        // Explained from the stored input, so the working matches the stored result even if values changed since.
        var computed = RunScoring.Score(frameworks, run.InputJson);
        if (computed.Request.Units.All(u => u.Unit != unit) || scope?.Sees(unit) == false)
            return ApiProblems.NotFound($"Đơn vị \"{unit}\" không có trong lượt chấm điểm này.");
        var scorer = new Scorer(computed.Framework);
        // The best value stays (the score is worked out from it); which unit holds it is shown only if the caller sees that unit.
        var indicators = computed.Framework.Indicators.Select(i => scorer.Explain(computed.Request, unit, i.Code)).Select(e =>
            new IndicatorExplanationView(e.Code, e.Name, e.Rule, e.Steps, e.Inputs, e.Best?.Value,
                e.Best?.Unit is { } best && scope?.Sees(best) != false ? best : null, e.Score.Score, e.Score.Max,
                e.Score.Flags.ToNames())).ToList();
        return TypedResults.Ok(new UnitExplanation(run.Id, unit, indicators));
    }

    /// <summary>
    /// The run as one JSON file: <c>{ "input": &lt;scoring-io input&gt;, "result": &lt;scoring-io output&gt; }</c>, both
    /// documents exactly as stored; <c>Scoring.Cli score</c> on <c>input</c> prints <c>result</c>.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(Guid id, MonthlyScoringDbContext db,
        IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await FindAsync(db, options.Value.Tenant, id, ct) is not { } run) return RunHttp.NotFound();
        // A provisional export holds every unit's values: only callers at the national root get it.
        if (run.Kind == ScoreRunKinds.Provisional)
        {
            if (await RunScope.ForAsync(db, options.Value.Tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
            if (!scope.All) return RunHttp.NotFound();
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WritePropertyName("input");
            w.WriteRawValue(run.InputJson);
            w.WritePropertyName("result");
            w.WriteRawValue(run.ResultJson);
            w.WriteEndObject();
        }
        var name = $"{run.FrameworkId}_{run.Period}_{run.PeerGroup}_{(run.Revision is { } r ? $"r{r}" : run.Id.ToString("N"))}.json";
        return TypedResults.File(stream.ToArray(), "application/json", name);
    }

    public static async Task<Results<Ok<List<HistoryEntry>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(string unit, string? peerGroup,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        if (peerGroup is null || !RunScoring.PeerGroups.Contains(peerGroup))
            return ApiProblems.Invalid("peerGroup", "Nhóm so sánh chỉ nhận provinces hoặc ministries.");
        var tenant = options.Value.Tenant;
        if (await RunScope.ForAsync(db, tenant, user, ct) is not { } scope) return ApiProblems.NoUnit();
        if (!scope.Sees(unit)) return ApiProblems.NotFound($"Không tìm thấy đơn vị \"{unit}\" trong phạm vi của bạn.");
        var revisions = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.PeerGroup == peerGroup && r.Kind == ScoreRunKinds.Official)
            .Select(r => new { r.Id, r.Period, r.Revision }).ToListAsync(ct);
        var latest = revisions.GroupBy(r => r.Period).Select(g => g.MaxBy(r => r.Revision)!.Id).ToList();
        var runs = await db.ScoreRuns.AsNoTracking().Where(r => latest.Contains(r.Id)).OrderBy(r => r.Period).ToListAsync(ct);
        var history = new List<HistoryEntry>();
        foreach (var run in runs)
        {
            if (Standings.Of(UnitResultView.Parse(run.ResultJson)).FirstOrDefault(s => s.Line.Unit == unit) is { } standing)
                history.Add(HistoryEntry.Of(run, standing));
        }
        return TypedResults.Ok(history);
    }

    /// <summary>Who scored a run is a person of some province: shown at the national root and to that person only.</summary>
    private static RunView Shown(RunView view, RunScope? scope, ClaimsPrincipal user) =>
        scope?.All == true || view.CreatedBy == user.Subject() ? view : view with { CreatedBy = null };

    private static Task<ScoreRun?> FindAsync(MonthlyScoringDbContext db, string tenant, Guid id, CancellationToken ct) =>
        db.ScoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Tenant == tenant, ct);

    private static async Task<int?> CurrentRevisionAsync(MonthlyScoringDbContext db, ScoreRun run, CancellationToken ct) =>
        run.Revision is null ? null : await db.ScoreRuns
            .Where(r => r.Tenant == run.Tenant && r.FrameworkId == run.FrameworkId && r.Period == run.Period && r.PeerGroup == run.PeerGroup)
            .MaxAsync(r => r.Revision, ct);
}
