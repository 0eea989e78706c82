using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// Stores one revision of published results (<see cref="Publication"/> + its <see cref="PublishedScore"/>s). A revision
/// already stored changes nothing; a new one is added whole (binary COPY: a 41,000-unit peer group is one round trip,
/// not 41,000 tracked entities) and then <c>is_current</c> is recomputed for its key, so the highest revision is
/// current whichever arrived last. A revision published in parts (<see cref="ScoresPublishedPart"/>) is written part by
/// part — each part's units copied once, as it arrives, and a <see cref="PublicationPart"/> row recorded — and its
/// <see cref="Publication"/> row is added when the last missing part arrives: every reader reaches
/// <c>published_scores</c> through a <c>publications</c> row, so the units of an incomplete revision are never shown.
/// </summary>
public static partial class PublicationProjection
{
    public const string DtiPeerGroup = "provinces";

    public sealed record Revision(Publication Publication, IReadOnlyList<PublishedScore> Scores);

    public static Revision From(ScoresPublished m)
    {
        var scores = Scores(m.Tenant, m.FrameworkId, m.Period, m.PeerGroup, m.Revision, m.Units);
        return new Revision(Header(m.Tenant, m.FrameworkId, m.Period, m.PeerGroup, m.Revision, m.FrameworkVersion, m.Supersedes, m.Reason,
            m.ChangedUnits, m.OccurredAt, scores), scores);
    }

    private static List<PublishedScore> Scores(string tenant, string framework, string period, string peerGroup, int revision,
        IReadOnlyList<PublishedUnitScore> units) =>
        units.DistinctBy(u => u.Unit).Select(u => new PublishedScore
        {
            Tenant = tenant, Framework = framework, Period = period, PeerGroup = peerGroup, Revision = revision, Unit = u.Unit,
            Reported = u.Reported,
            // A unit that has not reported has no result: no total, class, rank or group scores to show.
            Rank = u.Reported ? u.Rank : null,
            Total = u.Reported ? u.Total : null,
            Unrounded = u.Reported ? u.Unrounded : null,
            Classification = u.Reported ? u.Classification : null,
            Bonus = u.Bonus,
            Groups = u.Reported ? JsonSerializer.Serialize(u.Groups, Journal.Json) : "{}",
            Indicators = JsonSerializer.Serialize(u.Indicators, Journal.Json),
        }).ToList();

    public static Revision From(DxIndexPublished m)
    {
        var scores = m.Provinces.DistinctBy(p => p.Unit).Select(p => new PublishedScore
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, PeerGroup = DtiPeerGroup, Revision = m.Revision, Unit = p.Unit,
            Reported = p.Reported,
            Rank = p.Reported ? p.Rank : null,
            Total = p.Reported ? p.Total : null,
            Unrounded = null,
            Classification = null,
            Bonus = 0m,
            Groups = p.Reported ? JsonSerializer.Serialize(p.Pillars, Journal.Json) : "{}",
            Indicators = JsonSerializer.Serialize(p.Indicators, Journal.Json),
        }).ToList();
        return new Revision(Header(m.Tenant, m.FrameworkId, m.Period, DtiPeerGroup, m.Revision, m.FrameworkVersion, m.Supersedes, m.Reason,
            m.ChangedUnits, m.OccurredAt, scores), scores);
    }

    private static Publication Header(string tenant, string framework, string period, string peerGroup, int revision, string version,
        int? supersedes, string? reason, IReadOnlyList<string>? changed, DateTimeOffset at, List<PublishedScore> scores) => new()
    {
        Tenant = tenant, Framework = framework, Period = period, PeerGroup = peerGroup, Revision = revision, FrameworkVersion = version,
        Supersedes = supersedes, Reason = reason, ChangedUnits = changed is null ? null : [.. changed], PublishedAt = at.ToUniversalTime(),
        Units = scores.Count, Reported = scores.Count(s => s.Reported),
    };

    public static async Task ApplyAsync(DbContext db, Revision revision, CancellationToken ct)
    {
        if (!await AddPublicationAsync(db, revision.Publication, ct)) return;
        await CopyScoresAsync(db, revision.Scores, ct);
        await RecomputeCurrentAsync(db, revision.Publication, ct);
    }

    /// <summary>
    /// Applies one part, under its key's lock (the caller's): a part of a revision already stored, a part already
    /// recorded, or a part numbered outside 1…parts changes nothing; otherwise its units are copied and the part recorded;
    /// when parts 1…parts are then all recorded, the revision's <see cref="Publication"/> is added exactly as one
    /// <see cref="ScoresPublished"/> with the same units would add it (units and reported counted over the parts,
    /// changed units joined in part order) and <c>is_current</c> recomputed.
    /// </summary>
    public static async Task ApplyPartAsync(DbContext db, ScoresPublishedPart m, ILogger logger, CancellationToken ct)
    {
        if (m.Parts < 1 || m.Part < 1 || m.Part > m.Parts)
        {
            LogPartOutOfRange(logger, m.PeerGroup, m.Period, m.Revision, m.Part, m.Parts);
            return;
        }
        var key = db.Set<PublicationPart>().Where(p => p.Tenant == m.Tenant && p.Framework == m.FrameworkId && p.Period == m.Period
            && p.PeerGroup == m.PeerGroup && p.Revision == m.Revision);
        if (await db.Set<Publication>().AnyAsync(p => p.Tenant == m.Tenant && p.Framework == m.FrameworkId && p.Period == m.Period
                && p.PeerGroup == m.PeerGroup && p.Revision == m.Revision, ct)
            || await key.AnyAsync(p => p.Part == m.Part, ct))
            return;

        var scores = Scores(m.Tenant, m.FrameworkId, m.Period, m.PeerGroup, m.Revision, m.Units);
        await CopyScoresAsync(db, scores, ct);
        db.Add(new PublicationPart
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, PeerGroup = m.PeerGroup, Revision = m.Revision, Part = m.Part,
            Parts = m.Parts, UnitCount = m.UnitCount, Units = scores.Count, Reported = scores.Count(s => s.Reported),
            ChangedUnits = m.ChangedUnits is null ? null : [.. m.ChangedUnits],
        });
        await db.SaveChangesAsync(ct);

        var parts = await key.AsNoTracking().Where(p => p.Part <= m.Parts).OrderBy(p => p.Part).ToListAsync(ct);
        if (parts.Count < m.Parts) return;
        var units = parts.Sum(p => p.Units);
        if (units != m.UnitCount) LogUnitCountMismatch(logger, m.PeerGroup, m.Period, m.Revision, m.UnitCount, units);
        var changed = parts.All(p => p.ChangedUnits is null) ? null : parts.SelectMany(p => p.ChangedUnits ?? []).ToArray();
        var publication = new Publication
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, PeerGroup = m.PeerGroup, Revision = m.Revision,
            FrameworkVersion = m.FrameworkVersion, Supersedes = m.Supersedes, Reason = m.Reason, ChangedUnits = changed,
            PublishedAt = m.OccurredAt.ToUniversalTime(), Units = units, Reported = parts.Sum(p => p.Reported),
        };
        await AddPublicationAsync(db, publication, ct);
        await RecomputeCurrentAsync(db, publication, ct);
    }

    /// <returns>False when the revision is already stored.</returns>
    private static async Task<bool> AddPublicationAsync(DbContext db, Publication p, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO publications (tenant, framework, period, peer_group, revision, framework_version, supersedes, reason, changed_units,
                                      published_at, units, reported, is_current)
            VALUES ({p.Tenant}, {p.Framework}, {p.Period}, {p.PeerGroup}, {p.Revision}, {p.FrameworkVersion}, {p.Supersedes}, {p.Reason},
                    {p.ChangedUnits}, {p.PublishedAt}, {p.Units}, {p.Reported}, false)
            ON CONFLICT (tenant, framework, period, peer_group, revision) DO NOTHING
            """, ct) == 1;

    private static Task<int> RecomputeCurrentAsync(DbContext db, Publication p, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE publications SET is_current = (revision = (SELECT max(revision) FROM publications
                                                               WHERE tenant = {p.Tenant} AND framework = {p.Framework}
                                                                 AND period = {p.Period} AND peer_group = {p.PeerGroup}))
            WHERE tenant = {p.Tenant} AND framework = {p.Framework} AND period = {p.Period} AND peer_group = {p.PeerGroup}
            """, ct);

    private static async Task CopyScoresAsync(DbContext db, IReadOnlyList<PublishedScore> scores, CancellationToken ct)
    {
        if (scores.Count == 0) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var import = await connection.BeginBinaryImportAsync("""
                COPY published_scores (tenant, framework, period, peer_group, revision, unit, reported, rank, total, unrounded,
                                       classification, bonus, groups, indicators) FROM STDIN (FORMAT BINARY)
                """, ct);
            foreach (var s in scores)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(s.Tenant, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.Framework, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.Period, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.PeerGroup, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.Revision, NpgsqlDbType.Integer, ct);
                await import.WriteAsync(s.Unit, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.Reported, NpgsqlDbType.Boolean, ct);
                await WriteNullableAsync(import, s.Rank, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(import, s.Total, NpgsqlDbType.Numeric, ct);
                await WriteNullableAsync(import, s.Unrounded, NpgsqlDbType.Numeric, ct);
                if (s.Classification is null) await import.WriteNullAsync(ct);
                else await import.WriteAsync(s.Classification, NpgsqlDbType.Varchar, ct);
                await import.WriteAsync(s.Bonus, NpgsqlDbType.Numeric, ct);
                await import.WriteAsync(s.Groups, NpgsqlDbType.Jsonb, ct);
                await import.WriteAsync(s.Indicators, NpgsqlDbType.Jsonb, ct);
            }
            await import.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v) await import.WriteAsync(v, type, ct);
        else await import.WriteNullAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ScoresPublishedPart {PeerGroup} {Period} revision {Revision}: part {Part} of {Parts} is out of range and was not applied")]
    private static partial void LogPartOutOfRange(ILogger logger, string peerGroup, string period, int revision, int part, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ScoresPublishedPart {PeerGroup} {Period} revision {Revision}: the parts say {UnitCount} units but hold {Units}")]
    private static partial void LogUnitCountMismatch(ILogger logger, string peerGroup, string period, int revision, int unitCount, int units);
}
