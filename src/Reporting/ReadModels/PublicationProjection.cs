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
/// current whichever arrived last.
/// </summary>
public static class PublicationProjection
{
    public const string DtiPeerGroup = "provinces";

    public sealed record Revision(Publication Publication, IReadOnlyList<PublishedScore> Scores);

    public static Revision From(ScoresPublished m)
    {
        var scores = m.Units.DistinctBy(u => u.Unit).Select(u => new PublishedScore
        {
            Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, PeerGroup = m.PeerGroup, Revision = m.Revision, Unit = u.Unit,
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
        return new Revision(Header(m.Tenant, m.FrameworkId, m.Period, m.PeerGroup, m.Revision, m.FrameworkVersion, m.Supersedes, m.Reason,
            m.ChangedUnits, m.OccurredAt, scores), scores);
    }

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
        var p = revision.Publication;
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO publications (tenant, framework, period, peer_group, revision, framework_version, supersedes, reason, changed_units,
                                      published_at, units, reported, is_current)
            VALUES ({p.Tenant}, {p.Framework}, {p.Period}, {p.PeerGroup}, {p.Revision}, {p.FrameworkVersion}, {p.Supersedes}, {p.Reason},
                    {p.ChangedUnits}, {p.PublishedAt}, {p.Units}, {p.Reported}, false)
            ON CONFLICT (tenant, framework, period, peer_group, revision) DO NOTHING
            """, ct);
        if (added == 0) return;
        await CopyScoresAsync(db, revision.Scores, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE publications SET is_current = (revision = (SELECT max(revision) FROM publications
                                                               WHERE tenant = {p.Tenant} AND framework = {p.Framework}
                                                                 AND period = {p.Period} AND peer_group = {p.PeerGroup}))
            WHERE tenant = {p.Tenant} AND framework = {p.Framework} AND period = {p.Period} AND peer_group = {p.PeerGroup}
            """, ct);
    }

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
}
