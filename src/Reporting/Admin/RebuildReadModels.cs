using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Admin;

public sealed record RebuildResult(long Events, long DurationMs, DateTimeOffset RebuiltAt);

/// <summary>What the admin handlers share, taken as one <c>[AsParameters]</c>.</summary>
public sealed record AdminServices(ReportingDbContext Db, ClaimsPrincipal User, IOptions<ReportingOptions> Options, TimeProvider Time);

/// <summary>
/// <c>POST /api/reporting/admin/rebuild</c>: a platform administrator of the national root empties every read model and
/// applies the journal again (<see cref="JournalReplay"/>), in one transaction with its audit line: readers see the old
/// tables until it commits, and a failed rebuild leaves them as they were.
/// </summary>
public static class RebuildReadModels
{
    public const string AuditEntity = "read-models";

    public static async Task<Results<Ok<RebuildResult>, ProblemHttpResult>> Handle([AsParameters] AdminServices services,
        Projector projector, FrameworkStore<ReportingDbContext> frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        var tenant = options.Value.Tenant;
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!await db.IsRootAsync(tenant, unit, ct))
            return ApiProblems.Forbidden("Chỉ quản trị hệ thống ở cấp trung ương được dựng lại dữ liệu báo cáo.");

        var clock = Stopwatch.StartNew();
        // A rebuild of 12 months at national scale runs for minutes: not the default command timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        long events;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            events = await JournalReplay.RebuildAsync(db, projector, ct);
            var at = time.GetUtcNow();
            db.Add(new AuditEntry(AuditEntity, tenant, "rebuilt", user.Subject() ?? "", at,
                $"dựng lại từ nhật ký sự kiện: {events} sự kiện, {clock.ElapsedMilliseconds} ms"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await frameworks.ReloadAsync(ct);
        return TypedResults.Ok(new RebuildResult(events, clock.ElapsedMilliseconds, time.GetUtcNow()));
    }
}
