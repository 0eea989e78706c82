using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Outbox;
using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Publication;

public sealed record PublishRequest(string? Period, string? PeerGroup, string? Reason);

/// <summary>
/// Publishes the official results of a peer group for a closed period: revision 1, then a new revision for each
/// correction (with a reason). Concurrent calls for the same (tenant, framework, period, peer group) are serialised by
/// a transaction-scoped advisory lock, and the unique index on the revision is the last guard: a second call that
/// would publish exactly the result of the current revision is refused (409 "không có thay đổi"), so a double click
/// never creates a revision with no changes.
/// </summary>
public static class PublishScores
{
    public const string ClosedLevel = "to-national";

    public static RouteHandlerBuilder MapPublicationApi(this IEndpointRouteBuilder app) =>
        app.MapPost($"/api/{MonthlyScoringModule.ServiceName}/publications", PublishAsync)
            .WithTags("Publication")
            .RequireAuthorization(PlatformPolicies.Publisher);

    public static async Task<Results<Created<RunView>, ValidationProblem, ProblemHttpResult>> PublishAsync(PublishRequest body,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var errors = RunHttp.Check(body.Period, body.PeerGroup, out var framework);
        if (errors.Count > 0) return RunHttp.Invalid(errors);
        var (tenant, period, peerGroup, reason) = (options.Value.Tenant, body.Period!, body.PeerGroup!, body.Reason?.Trim());
        if (!await db.ClosedPeriods.AnyAsync(c => c.Tenant == tenant && c.FrameworkId == framework!.Id && c.Period == period && c.Level == ClosedLevel, ct))
            return RunHttp.Conflict($"Kỳ {RunHttp.Month(period)} chưa khoá sổ cấp quốc gia; chỉ công bố kết quả chính thức sau khi khoá sổ.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey($"publication:{tenant}:{framework!.Id}:{period}:{peerGroup}")})", ct);
        var previous = await db.ScoreRuns.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == framework.Id && r.Period == period && r.PeerGroup == peerGroup && r.Kind == ScoreRunKinds.Official)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
        if (previous is not null && string.IsNullOrEmpty(reason))
            return RunHttp.Invalid(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Kết quả kỳ {RunHttp.Month(period)} đã được công bố (lần {previous.Revision}); công bố lại cần nêu lý do điều chỉnh."],
            });

        ComputedRun computed;
        try
        {
            computed = await RunScoring.ComputeAsync(db, tenant, framework, period, peerGroup, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }
        if (previous is not null && previous.ResultJson == computed.ResultJson)
            return RunHttp.Conflict($"Kết quả kỳ {RunHttp.Month(period)} không có thay đổi so với lần công bố {previous.Revision}; không tạo lần công bố mới.");

        var now = time.GetUtcNow();
        var run = RunsApi.New(computed, tenant, ScoreRunKinds.Official, user, now);
        run.Revision = (previous?.Revision ?? 0) + 1;
        run.Supersedes = previous?.Id;
        run.Reason = previous is null ? null : reason;
        run.ChangedUnits = previous is null ? null : ChangedUnits(previous.ResultJson, computed.ResultJson);
        db.ScoreRuns.Add(run);
        db.EnqueueEvent(Event(run, previous?.Revision), time);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return RunHttp.Conflict($"Lần công bố {run.Revision} của kỳ {RunHttp.Month(period)} vừa được tạo bởi một yêu cầu khác; hãy tải lại danh sách.");
        }
        return TypedResults.Created($"/api/{MonthlyScoringModule.ServiceName}/runs/{run.Id}", RunView.Of(run, run.Revision));
    }

    /// <summary>Units whose total, classification, rank or any indicator (score, flags) differ, or that appear or disappear.</summary>
    public static string[] ChangedUnits(string previousJson, string currentJson)
    {
        var before = UnitResultView.Parse(previousJson).ToDictionary(u => u.Unit);
        var after = UnitResultView.Parse(currentJson).ToDictionary(u => u.Unit);
        return before.Keys.Union(after.Keys)
            .Where(u => !before.TryGetValue(u, out var b) || !after.TryGetValue(u, out var a) || Key(b) != Key(a))
            .Order(StringComparer.Ordinal).ToArray();
    }

    private static string Key(UnitResultView u) => $"{u.Total}|{u.Classification}|{u.Rank}|" + string.Join(";",
        u.Indicators.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Score}/{string.Join(",", i.Value.Flags)}"));

    private static ScoresPublished Event(ScoreRun run, int? supersedes) => new(
        run.Tenant, run.FrameworkId, run.FrameworkVersion, run.Period, run.PeerGroup, run.Revision!.Value, supersedes, run.Reason,
        run.ChangedUnits,
        UnitResultView.Parse(run.ResultJson).Select(u => new PublishedUnitScore(u.Unit, u.Total, u.Unrounded, u.Classification, u.Rank, u.Groups,
            u.Indicators.ToDictionary(i => i.Key, i => new PublishedIndicatorScore(i.Value.Score, i.Value.Max, i.Value.Flags)), u.Bonus)).ToList(),
        run.CreatedAt);
}
