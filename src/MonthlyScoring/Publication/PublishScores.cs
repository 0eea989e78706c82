using Platform.Scoring;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Engine;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Http;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Publication;

/// <param name="Reason">Required for a correction (revision 2, 3, …): why, published with it.</param>
/// <param name="Fingerprint">The <c>fingerprint</c> of the preview the publisher confirmed.</param>
/// <param name="AcknowledgeMissing">Must be true when any unit of the peer group misses inputs or has not reported.</param>
public sealed record PublishRequest(string? Period, string? PeerGroup, string? Reason, string? Fingerprint, bool? AcknowledgeMissing);

/// <summary>
/// Publishes the official results of a peer group for a closed period: revision 1, then a new revision for each
/// correction (with a reason). The publisher confirms what the preview showed: the request carries the preview's
/// fingerprint, and publishing goes ahead only if the result built now under the lock has the same one (otherwise 409:
/// look again); with data missing it also needs <c>acknowledgeMissing: true</c>. Concurrent calls for the same
/// (tenant, framework, period, peer group) are serialised by a transaction-scoped advisory lock, and the unique index on
/// the revision is the last guard; a correction that would publish exactly the current revision is refused, so a double
/// click never creates a revision with no changes.
/// </summary>
public static class PublishScores
{
    public static async Task<Results<Created<RunView>, ValidationProblem, ProblemHttpResult>> Handle(
        PublishRequest body, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        var errors = RunHttp.Check(frameworks, body.Period, body.PeerGroup, out var framework);
        if (string.IsNullOrWhiteSpace(body.Fingerprint))
            errors["fingerprint"] = ["Thiếu mã xác nhận (fingerprint) của bản xem trước: hãy xem trước nội dung công bố " +
                "(GET /api/monthly-scoring/publications/preview) rồi gửi kèm mã đó."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (tenant, period, peerGroup, reason) = (options.Value.Tenant, body.Period!, body.PeerGroup!, body.Reason?.Trim());
        if (!await PeriodClosing.IsClosedNationallyAsync(db, tenant, framework!.Id, period, ct))
            return ApiProblems.Conflict($"Kỳ {Months.Display(period)} chưa chốt số liệu cấp trung ương; chỉ công bố kết quả chính thức sau khi chốt số liệu (qua hạn báo cáo trung ương).");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey($"publication:{tenant}:{framework.Id}:{period}:{peerGroup}")})", ct);
        PublicationDraft draft;
        try
        {
            draft = await PublicationDraft.BuildAsync(db, tenant, framework, period, peerGroup, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }

        if (Unconfirmed(draft, reason, body.AcknowledgeMissing, period) is { Count: > 0 } unconfirmed) return ApiProblems.Invalid(unconfirmed);
        if (draft.Unchanged)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Không có gì thay đổi",
                $"Kết quả tính lại kỳ {Months.Display(period)} giống hệt lần công bố {draft.Current!.Revision}; không có gì để đính chính, không tạo lần công bố mới.");
        if (!string.Equals(body.Fingerprint!.Trim(), draft.Fingerprint, StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Nội dung công bố đã thay đổi",
                $"Số liệu, điểm thưởng hoặc lần công bố của kỳ {Months.Display(period)} đã thay đổi kể từ lúc bạn xem trước " +
                $"(sẽ là lần công bố {draft.Revision}). Hãy xem lại nội dung công bố rồi xác nhận lại.");

        var previous = draft.Current;
        var run = ScoreRun.From(draft.Computed, tenant, ScoreRunKinds.Official, user.Subject() ?? "", time.GetUtcNow());
        run.Revision = draft.Revision;
        run.Supersedes = previous?.Id;
        run.Reason = previous is null ? null : reason;
        run.ChangedUnits = previous is null ? null
            : PublicationDraft.ChangedUnits(Standings.Of(ResultLines.Read(previous.ResultJson)), draft.Standings);
        db.ScoreRuns.Add(run);
        EnqueueEvents(db, run, previous?.Revision, draft.Standings, time);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict($"Lần công bố {run.Revision} của kỳ {Months.Display(period)} vừa được tạo bởi một yêu cầu khác; hãy tải lại danh sách.");
        }
        return TypedResults.Created($"/api/{MonthlyScoringModule.ServiceName}/runs/{run.Id}", RunView.Of(run, run.Revision));
    }

    /// <summary>What the publisher has not confirmed, every field at once: a correction's reason, publishing with data missing.</summary>
    private static Dictionary<string, string[]> Unconfirmed(PublicationDraft draft, string? reason, bool? acknowledgeMissing, string period)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.Current is { } current && string.IsNullOrEmpty(reason))
            errors["reason"] = [$"Kết quả kỳ {Months.Display(period)} đã được công bố (lần {current.Revision}); công bố lại cần nêu lý do điều chỉnh."];
        // A correction that changes nothing is refused as such (409); it needs no acknowledgement.
        var incomplete = draft.IncompleteUnits.Count;
        if (incomplete > 0 && acknowledgeMissing != true && !draft.Unchanged)
        {
            var silent = draft.Standings.Count(s => !s.Reported);
            errors["acknowledgeMissing"] = [string.Create(CultureInfo.InvariantCulture,
                $"Còn {incomplete}/{draft.Standings.Count} đơn vị thiếu số liệu ({silent} đơn vị chưa báo cáo); cần xác nhận công bố khi còn thiếu số liệu (acknowledgeMissing: true).")];
        }
        return errors;
    }

    /// <summary>
    /// The event, from the standings of the result just scored (<see cref="PublicationDraft.Standings"/>, the engine's lines
    /// as the stored document writes them): every unit in published order (ranked units, then those that have not
    /// reported). A unit that has not reported keeps the engine's total and class (0 plus any bonus) for older
    /// subscribers, with <c>reported: false</c> and the rank after every reported unit. A peer group of at most
    /// <see cref="ScoresPublishedPart.MaxUnitsPerPart"/> units is one <see cref="ScoresPublished"/>; a larger one is
    /// <see cref="ScoresPublishedPart"/> messages of at most that many units each, in published order, all written to the
    /// outbox with the run (docs/events.md).
    /// </summary>
    private static void EnqueueEvents(MonthlyScoringDbContext db, ScoreRun run, int? supersedes, IReadOnlyList<Standing> standings, TimeProvider time)
    {
        var afterRanked = standings.Count(s => s.Reported) + 1;
        if (standings.Count <= ScoresPublishedPart.MaxUnitsPerPart)
        {
            db.EnqueueEvent(new ScoresPublished(run.Tenant, run.FrameworkId, run.FrameworkVersion, run.Period, run.PeerGroup, run.Revision!.Value,
                supersedes, run.Reason, run.ChangedUnits, standings.Select(s => Unit(s, afterRanked)).ToList(), run.CreatedAt), time);
            return;
        }
        var parts = (standings.Count + ScoresPublishedPart.MaxUnitsPerPart - 1) / ScoresPublishedPart.MaxUnitsPerPart;
        var changed = run.ChangedUnits?.ToHashSet(StringComparer.Ordinal);
        for (var part = 0; part < parts; part++)
        {
            var units = standings.Skip(part * ScoresPublishedPart.MaxUnitsPerPart).Take(ScoresPublishedPart.MaxUnitsPerPart)
                .Select(s => Unit(s, afterRanked)).ToList();
            db.EnqueueEvent(new ScoresPublishedPart(run.Tenant, run.FrameworkId, run.FrameworkVersion, run.Period, run.PeerGroup, run.Revision!.Value,
                supersedes, run.Reason, changed is null ? null : ChangedAmong(units, changed, last: part == parts - 1), part + 1, parts, standings.Count,
                units, run.CreatedAt), time);
        }

        // The changed units among a part's units; a unit that left the peer group since the superseded revision (in
        // no part) is listed in the last part, so the union over the parts is the revision's changed units.
        List<string> ChangedAmong(List<PublishedUnitScore> units, HashSet<string> all, bool last)
        {
            var among = units.Where(u => all.Contains(u.Unit)).Select(u => u.Unit).ToList();
            if (last)
            {
                var published = standings.Select(s => s.Line.Unit).ToHashSet(StringComparer.Ordinal);
                among.AddRange(run.ChangedUnits!.Where(u => !published.Contains(u)));
            }
            return among;
        }
    }

    private static PublishedUnitScore Unit(Standing s, int afterRanked) =>
        new(s.Line.Unit, s.Line.Total, s.Line.Unrounded, s.Line.Classification, s.Rank ?? afterRanked,
            s.Line.Groups, s.Line.Indicators.ToDictionary(i => i.Key, i => new PublishedIndicatorScore(i.Value.Score, i.Value.Max, i.Value.Flags)),
            s.Line.Bonus, s.Reported);
}
