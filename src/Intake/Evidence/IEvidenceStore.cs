using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;

namespace Platform.Intake.Evidence;

/// <summary>
/// Where evidence content lives, addressed by its SHA-256: putting the same content twice stores it once.
/// PostgreSQL by default (<see cref="PostgresEvidenceStore"/>); an object store could take its place.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="sha256"/> unless that content is already stored.</summary>
    Task PutAsync(string sha256, string contentType, byte[] content, CancellationToken ct);

    /// <summary>The stored content, or null when nothing is stored under <paramref name="sha256"/>.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken ct);
}

/// <summary>
/// Evidence content in the intake database (table <c>evidence_blobs</c>), written on the request's own
/// DbContext so that, inside the upload's transaction, content and metadata are saved together.
/// </summary>
public sealed class PostgresEvidenceStore(IntakeDbContext db, TimeProvider time) : IEvidenceStore
{
    public async Task PutAsync(string sha256, string contentType, byte[] content, CancellationToken ct)
    {
        // ON CONFLICT: two uploads of the same content at the same moment both succeed, one row is kept.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO evidence_blobs (sha256, content_type, size, content, created_at)
            VALUES ({sha256}, {contentType}, {(long)content.Length}, {content}, {time.GetUtcNow()})
            ON CONFLICT (sha256) DO NOTHING
            """, ct);
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct) =>
        await db.EvidenceBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleOrDefaultAsync(ct);
}

/// <summary>A stored content, once per SHA-256 (mapped for the schema and for reading; written by <see cref="PostgresEvidenceStore"/>).</summary>
public sealed class EvidenceBlob
{
    private EvidenceBlob() { }

    public string Sha256 { get; private init; } = "";
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }
    public byte[] Content { get; private init; } = [];
    public DateTimeOffset CreatedAt { get; private init; }
}
