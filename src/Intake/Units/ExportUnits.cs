using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Units;

/// <summary>
/// <c>GET /api/intake/units/export</c>: the caller's subtree as it stands today as <c>units.csv</c>, UTF-8 with a
/// byte-order mark so Excel reads the Vietnamese names.
/// </summary>
public static class ExportUnits
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle([AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var csv = await UnitsCsv.ExportAsync(db.VisibleUnits(options.Value.Tenant, caller.Unit, time), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"units-{caller.Unit}-{time.TodayInVietnam():yyyy-MM-dd}.csv");
    }
}
