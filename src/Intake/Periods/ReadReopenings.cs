using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Calendar;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Periods;

/// <summary><c>GET /api/intake/periods/{framework}/{period}/reopenings</c>: the reopenings of units in the caller's subtree, newest first.</summary>
public static class ReadReopenings
{
    public static async Task<Results<Ok<List<ReopeningView>>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, [AsParameters] IntakeServices services, ReportingCalendar calendar, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        if (PeriodsHttp.FindAnyLevel(calendar, framework, period, tenant) is { IsFound: false } lookup)
            return ApiProblems.InvalidByKey(lookup.Field, lookup.Error);

        var rows = await db.Reopenings.AsNoTracking()
            .Where(r => r.Tenant == tenant && r.FrameworkId == framework && r.Period == period)
            .WithinSubtree(r => r.Unit, db.SubtreeCodes(tenant, caller.Unit, time.TodayInVietnam()))
            .OrderByDescending(r => r.At)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(r => ReopeningView.Of(r, now)).ToList());
    }
}
