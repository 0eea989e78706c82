using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Units;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// The one place that turns an event into read-model changes; the consumers and the rebuild both call it. Every
/// projection is order-independent and idempotent — the highest revision wins (units, obligations, submission states,
/// publications' <c>is_current</c>), the earliest wins (first hand-in, closure), a record that never changes is added
/// once (framework versions, a publication revision; a revision in parts when its last part arrives) — so the tables depend only on the SET of events received, not
/// on their order or on redeliveries. Runs in the caller's transaction, saves what it tracked and clears the change
/// tracker; the caller commits
/// (and reloads the framework catalogue after a <see cref="FrameworkVersionPublished"/>).
/// </summary>
public sealed class Projector(ILogger<Projector> logger)
{
    public async Task ApplyAsync(DbContext db, IIntegrationEvent message, CancellationToken ct)
    {
        switch (message)
        {
            case OrganisationUnitRegistered m:
                await LockAsync(db, $"unit:{m.Tenant}:{m.UnitCode}", ct);
                await UnitCopy.ApplyAsync(db, m, logger, ct);
                break;
            case FrameworkVersionPublished m:
                // Recorded at the event's time, not the clock's: a rebuild gives the same row.
                await FrameworkCopy.AddAsync(db, logger, m.FrameworkId, m.Version, m.EffectiveFrom, m.Definition, m.Source,
                    m.OccurredAt.ToUniversalTime(), ct);
                break;
            case ObligationsAnnounced m:
                await LockAsync(db, $"obligations:{m.Tenant}:{m.FrameworkId}:{m.Period}:{m.Level}:{m.OverseeingUnit}", ct);
                await ObligationCopy.ApplyAsync(db, m, ct);
                break;
            case SubmissionSubmitted m:
                await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
                    SubmissionStates.Submitted, m.Revision, m.OccurredAt.ToUniversalTime(), ct, m.Late);
                break;
            case SubmissionReturned m:
                await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
                    SubmissionStates.Returned, m.Revision, m.OccurredAt.ToUniversalTime(), ct);
                break;
            case SubmissionApproved m:
                await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
                    SubmissionStates.Approved, m.Revision, m.OccurredAt.ToUniversalTime(), ct, m.Late);
                break;
            case PeriodClosed m:
                await ApplyClosureAsync(db, m, ct);
                break;
            case PeriodReopened:
                // Journal only: no read model shows reopenings yet (a late hand-in after one arrives as SubmissionSubmitted).
                break;
            case ScoresPublished m:
                await LockAsync(db, $"publication:{m.Tenant}:{m.FrameworkId}:{m.Period}:{m.PeerGroup}", ct);
                await PublicationProjection.ApplyAsync(db, PublicationProjection.From(m), ct);
                break;
            case ScoresPublishedPart m:
                // The same lock as the whole event: parts of one key apply one at a time, so the part that completes a
                // revision sees every other part committed.
                await LockAsync(db, $"publication:{m.Tenant}:{m.FrameworkId}:{m.Period}:{m.PeerGroup}", ct);
                await PublicationProjection.ApplyPartAsync(db, m, logger, ct);
                break;
            case DxIndexPublished m:
                await LockAsync(db, $"publication:{m.Tenant}:{m.FrameworkId}:{m.Period}:{PublicationProjection.DtiPeerGroup}", ct);
                await PublicationProjection.ApplyAsync(db, PublicationProjection.From(m), ct);
                break;
            default:
                throw new ArgumentException($"The projector has no mapping for {message.GetType().Name}.", nameof(message));
        }
        await db.SaveChangesAsync(ct);
        // The copies delete with ExecuteDelete and re-add rows of the same keys: entities left tracked from this event
        // would collide with the next event's.
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Read-compare-write projections (a unit, an obligation set, a publication key's <c>is_current</c>) take their key's
    /// transaction-scoped advisory lock first: two consumers applying two revisions of one key at once would otherwise
    /// each compare against what it saw before the other committed (a lost update, or two current revisions). The
    /// single-statement upserts (submissions, closures) need none.
    /// </summary>
    private static Task<int> LockAsync(DbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey(key)})", ct);

    /// <summary>Published once per key; should two ever arrive, the earliest close wins, whatever the order.</summary>
    private static Task<int> ApplyClosureAsync(DbContext db, PeriodClosed m, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO period_closures (tenant, framework, period, level, framework_version, due_at, closed_at)
            VALUES ({m.Tenant}, {m.FrameworkId}, {m.Period}, {m.Level}, {m.FrameworkVersion}, {m.DueAt.ToUniversalTime()}, {m.OccurredAt.ToUniversalTime()})
            ON CONFLICT (tenant, framework, period, level) DO UPDATE SET
                framework_version = EXCLUDED.framework_version, due_at = EXCLUDED.due_at, closed_at = EXCLUDED.closed_at
            WHERE EXCLUDED.closed_at < period_closures.closed_at
            """, ct);
}
