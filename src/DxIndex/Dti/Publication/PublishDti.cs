using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.Publication;

/// <param name="Fingerprint">The <c>fingerprint</c> of the preview the publisher confirmed.</param>
/// <param name="AcknowledgeMissing">Must be true when any province misses inputs or has not reported.</param>
/// <param name="Reason">Required for a correction (revision 2, 3, …): why, published with it.</param>
public sealed record PublishDtiRequest(string? Fingerprint, bool? AcknowledgeMissing, string? Reason);

/// <summary>The official revision just published.</summary>
public sealed record PublishedDtiRun(Guid Id, string Year, string FrameworkVersion, int Revision, Guid? Supersedes, string? Reason,
    IReadOnlyList<string>? ChangedUnits, DateTimeOffset PublishedAt);

/// <summary>
/// <c>POST /api/dx-index/dti/{year}/publications</c>: publishes the official DTI of a closed year — revision 1, then a new
/// revision per correction with its reason — confirming the preview's fingerprint, with monthly's safeguards: every
/// missing confirmation at once, "Không có gì thay đổi" for a correction identical to the current revision, "Nội dung
/// công bố đã thay đổi" when the fingerprint no longer matches, a transaction-scoped advisory lock per (tenant, framework,
/// year) and the unique revision index as the last guard. The run and <see cref="DxIndexPublished"/> go out in one
/// SaveChanges (outbox). Only real approved values are scored; illustrative ones never enter.
/// </summary>
public static class PublishDti
{
    public static async Task<Results<Created<PublishedDtiRun>, ValidationProblem, ProblemHttpResult>> Handle(
        string year, PublishDtiRequest body, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out var framework);
        if (string.IsNullOrWhiteSpace(body.Fingerprint))
            errors["fingerprint"] = ["Thiếu mã xác nhận (fingerprint) của bản xem trước: hãy xem trước nội dung công bố " +
                $"(GET /api/dx-index/dti/{year}/publication/preview) rồi gửi kèm mã đó."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (db, tenant, time) = (services.Db, services.Tenant, services.Time);
        if (services.User.OrgUnit() is not { } caller || !await db.IsRootAsync(tenant, caller, ct))
            return ApiProblems.Forbidden("Chỉ người công bố cấp trung ương được công bố chỉ số chuyển đổi số cấp tỉnh.");
        if (!await DtiClosing.IsClosedAsync(db, tenant, year, ct))
            return ApiProblems.Conflict($"Năm {year} chưa chốt số liệu cấp trung ương; chỉ công bố chỉ số chính thức sau khi chốt số liệu (qua hạn báo cáo về Bộ).");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey($"dti-publication:{tenant}:{framework!.Id}:{year}")})", ct);
        DtiPublicationDraft draft;
        try
        {
            draft = await DtiPublicationDraft.BuildAsync(db, tenant, framework, year, services.Dti.Value.References, ct);
        }
        catch (ScoringInputException ex)
        {
            return DtiHttp.Unscorable(ex);
        }
        var reason = body.Reason?.Trim();
        if (Unconfirmed(draft, reason, body.AcknowledgeMissing, year) is { Count: > 0 } unconfirmed) return ApiProblems.Invalid(unconfirmed);
        if (draft.Unchanged)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Không có gì thay đổi",
                $"Chỉ số tính lại năm {year} giống hệt lần công bố {draft.Current!.Revision}; không có gì để đính chính, không tạo lần công bố mới.");
        if (!string.Equals(body.Fingerprint!.Trim(), draft.Fingerprint, StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Nội dung công bố đã thay đổi",
                $"Số liệu hoặc lần công bố của năm {year} đã thay đổi kể từ lúc bạn xem trước (sẽ là lần công bố {draft.Revision}). " +
                "Hãy xem lại nội dung công bố rồi xác nhận lại.");

        var previous = draft.Current;
        var now = time.GetUtcNow();
        var run = new DtiRun
        {
            Id = Guid.CreateVersion7(now), Tenant = tenant, FrameworkId = framework.Id, FrameworkVersion = framework.Version, Year = year,
            Revision = draft.Revision, Supersedes = previous?.Id, Reason = previous is null ? null : reason,
            ChangedUnits = previous is null ? null : DtiPublicationDraft.ChangedUnits(DtiPublicationDraft.StandingsOf(previous), draft.Computed.Standings),
            CreatedBy = services.User.Subject() ?? "", CreatedAt = now, InputJson = draft.Computed.InputJson, ResultJson = draft.Computed.ResultJson,
        };
        db.Set<DtiRun>().Add(run);
        db.EnqueueEvent(Event(run, previous?.Revision, draft.Computed.Standings), time);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict($"Lần công bố {run.Revision} của năm {year} vừa được tạo bởi một yêu cầu khác; hãy tải lại.");
        }
        return TypedResults.Created($"/api/dx-index/dti/{year}/ranking?kind=official",
            new PublishedDtiRun(run.Id, year, run.FrameworkVersion, run.Revision, run.Supersedes, run.Reason, run.ChangedUnits, run.CreatedAt));
    }

    /// <summary>What the publisher has not confirmed, every field at once: a correction's reason, publishing with data missing.</summary>
    private static Dictionary<string, string[]> Unconfirmed(DtiPublicationDraft draft, string? reason, bool? acknowledgeMissing, string year)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.Current is { } current && string.IsNullOrEmpty(reason))
            errors["reason"] = [$"Chỉ số năm {year} đã được công bố (lần {current.Revision}); công bố lại cần nêu lý do điều chỉnh."];
        var incomplete = draft.IncompleteUnits.Count;
        if (incomplete > 0 && acknowledgeMissing != true && !draft.Unchanged)
        {
            var standings = draft.Computed.Standings;
            errors["acknowledgeMissing"] = [string.Create(CultureInfo.InvariantCulture,
                $"Còn {incomplete}/{standings.Count} tỉnh, thành phố thiếu số liệu ({standings.Count(s => !s.Reported)} tỉnh, thành phố chưa báo cáo); cần xác nhận công bố khi còn thiếu số liệu (acknowledgeMissing: true).")];
        }
        return errors;
    }

    private static DxIndexPublished Event(DtiRun run, int? supersedes, IReadOnlyList<DtiStanding> standings) =>
        new(run.Tenant, run.FrameworkId, run.FrameworkVersion, run.Year, run.Revision, supersedes, run.Reason, run.ChangedUnits,
            [.. standings.Select(s => new PublishedProvinceIndex(s.Line.Unit, s.Reported, s.Reported ? s.Line.Total : null, s.Rank,
                s.Reported ? s.Line.Groups : new Dictionary<string, decimal>(),
                s.Line.Indicators.ToDictionary(i => i.Key, i => new PublishedIndicatorScore(i.Value.Score, i.Value.Max, i.Value.Flags))))],
            run.CreatedAt);
}
