using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Admin;

/// <summary>What the admin handlers share, taken as one <c>[AsParameters]</c>.</summary>
public sealed record AdminServices(ReportingDbContext Db, ClaimsPrincipal User, IOptions<ReportingOptions> Options, TimeProvider Time);

/// <summary>
/// <c>POST /api/reporting/admin/rebuild</c>: a platform administrator of the national root starts a rebuild — every read
/// model emptied and the journal applied again (<see cref="JournalReplay"/>), in one transaction with its audit line, in
/// the background (<see cref="RebuildRunner"/>): 202 with its state at once; <c>GET /admin/status</c> follows it. Readers
/// see the old tables until it commits, and a failed rebuild leaves them as they were.
/// </summary>
public static class RebuildReadModels
{
    public const string AuditEntity = RebuildRunner.AuditEntity;

    public static async Task<Results<Accepted<RebuildState>, ProblemHttpResult>> Handle([AsParameters] AdminServices services,
        RebuildRunner runner, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        var tenant = options.Value.Tenant;
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!await db.IsRootAsync(tenant, unit, ct))
            return ApiProblems.Forbidden("Chỉ quản trị hệ thống ở cấp trung ương được dựng lại dữ liệu báo cáo.");
        if (!runner.TryStart(tenant, user.Subject() ?? "", out var state))
            return ApiProblems.Conflict("Số liệu báo cáo đang được dựng lại (bắt đầu lúc "
                + Shared.ReportText.Moment(state.StartedAt!.Value) + "); hãy chờ lần này xong rồi dựng lại nếu cần.");
        return TypedResults.Accepted("/api/reporting/admin/status", state);
    }
}
