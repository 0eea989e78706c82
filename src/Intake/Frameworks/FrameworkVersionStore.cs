using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Data;
using Platform.Scoring.Definitions;

namespace Platform.Intake.Frameworks;

/// <summary>Writing a version into intake's store: the row and its <see cref="FrameworkVersionPublished"/>, in one SaveChanges.</summary>
internal static class FrameworkVersionStore
{
    /// <summary>Serialises writers of the store (seeding replicas, uploads) for the rest of the transaction.</summary>
    public static Task LockAsync(IntakeDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey("framework-versions")})", ct);

    public static StoredFrameworkVersion Add(IntakeDbContext db, string tenant, FrameworkDefinition definition, string json, string source,
        string by, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var row = new StoredFrameworkVersion
        {
            FrameworkId = definition.Id, Version = definition.Version, EffectiveFrom = definition.EffectiveFrom, Definition = json,
            Source = source, RecordedBy = by, RecordedAt = now,
        };
        db.FrameworkVersions.Add(row);
        db.EnqueueEvent(new FrameworkVersionPublished(tenant, definition.Id, definition.Version, definition.Name, definition.EffectiveFrom,
            definition.EffectiveTo, definition.LegalBasis?.Describe(), source, json, now), time);
        return row;
    }
}
