using Microsoft.EntityFrameworkCore;
using Platform.Reporting.ReadModels;

namespace Platform.Reporting.Admin;

/// <summary>
/// Rebuilds every read model from the journal, in the caller's transaction: empties them, then applies the journal in
/// sequence order through the <see cref="Projector"/>, read in batches (the journal is never loaded whole).
/// </summary>
public static class JournalReplay
{
    public const int BatchSize = 1_000;

    /// <summary>
    /// Every table the projector writes. Emptied with DELETE, not TRUNCATE: TRUNCATE's exclusive lock would make readers
    /// wait for the whole rebuild, whereas after a DELETE they go on reading the old rows until the rebuild commits.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadModelTables =
        ["published_scores", "publication_parts", "publications", "period_closures", "owed_reports", "obligation_sets", "submission_progress", "units",
         "framework_versions"];

    /// <returns>How many journal entries were applied.</returns>
    public static async Task<long> RebuildAsync(DbContext db, Projector projector, CancellationToken ct)
    {
        // New events wait (their consumer's journal insert blocks) until the rebuild commits, then apply on top of it;
        // readers of the journal and of the read models are not blocked.
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE journal IN EXCLUSIVE MODE", ct);
        await db.Database.ExecuteSqlRawAsync(string.Concat(ReadModelTables.Select(t => "DELETE FROM " + t + ";")), ct);

        var applied = 0L;
        var after = 0L;
        while (true)
        {
            var batch = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.Sequence > after).OrderBy(j => j.Sequence)
                .Take(BatchSize).Select(j => new { j.Sequence, j.Type, j.Body }).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var entry in batch)
            {
                // A type this build does not know stays in the journal for a later build to apply.
                if (Journal.Read(entry.Type, entry.Body) is not { } message) continue;
                await projector.ApplyAsync(db, message, ct);
                applied++;
            }
            after = batch[^1].Sequence;
            db.ChangeTracker.Clear();
        }
        return applied;
    }
}
