using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.ReadModels;

namespace Platform.Reporting.Admin;

public sealed record EventTypeCount(string Type, long Events, DateTimeOffset? LastAt);

/// <param name="LastEventAt">The latest <c>OccurredAt</c> in the journal: how recent the reports' data is.</param>
/// <param name="Rebuild">The last rebuild this process ran or is running (<see cref="RebuildState.None"/> when none).</param>
public sealed record ReadModelStatus(long Events, DateTimeOffset? LastEventAt, IReadOnlyList<EventTypeCount> Types, RebuildState Rebuild);

/// <summary><c>GET /api/reporting/admin/status</c>: what the journal holds, per event type.</summary>
public static class ReadModelStatusEndpoint
{
    public static async Task<Ok<ReadModelStatus>> Handle([AsParameters] AdminServices services, RebuildRunner runner, CancellationToken ct)
    {
        var tenant = services.Options.Value.Tenant;
        var types = await services.Db.Set<JournalEntry>().AsNoTracking().Where(j => j.Tenant == tenant)
            .GroupBy(j => j.Type)
            .Select(g => new EventTypeCount(g.Key, g.LongCount(), g.Max(j => (DateTimeOffset?)j.OccurredAt)))
            .ToListAsync(ct);
        types = [.. types.OrderBy(t => t.Type, StringComparer.Ordinal)];
        return TypedResults.Ok(new ReadModelStatus(types.Sum(t => t.Events), types.Max(t => t.LastAt), types, runner.State));
    }
}
