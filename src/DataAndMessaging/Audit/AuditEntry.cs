using Microsoft.EntityFrameworkCore;

namespace Platform.DataAndMessaging.Audit;

/// <summary>
/// One line of a service's append-only audit log (table <c>audit_entries</c>, which the database refuses to update,
/// delete or truncate): who did what to which record, when, with a free-text detail (a reason, the values changed,
/// "old → new"). Added in the same SaveChanges as the change it records.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string entityType, string entityId, string action, string by, DateTimeOffset at, string? detail)
    {
        Id = Guid.CreateVersion7(at);
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        By = by;
        At = at;
        Detail = detail;
    }

    public Guid Id { get; private init; }

    /// <summary>What the line is about, e.g. <c>submission</c>, <c>assignment</c>, <c>bonus</c>.</summary>
    public string EntityType { get; private init; } = "";

    /// <summary>The record's id: a submission or bonus id, or a key such as <c>monthly-4585/2026-01/lao-cai</c>.</summary>
    public string EntityId { get; private init; } = "";

    /// <summary>E.g. <c>created</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c>, <c>rejected</c>.</summary>
    public string Action { get; private init; } = "";
    public string By { get; private init; } = "";
    public DateTimeOffset At { get; private init; }
    public string? Detail { get; private init; }
}

public static class AuditModel
{
    /// <summary>SQL for a migration: the database itself refuses to change or remove an audit line.</summary>
    public const string AppendOnlySql = """
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP;
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string DropAppendOnlySql = """
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    /// <summary>Maps <see cref="AuditEntry"/> to <c>audit_entries</c>; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(a => a.EntityType).HasColumnName("entity_type").HasMaxLength(20);
            e.Property(a => a.EntityId).HasColumnName("entity_id").HasMaxLength(200);
            e.Property(a => a.Action).HasColumnName("action").HasMaxLength(40);
            e.Property(a => a.By).HasColumnName("by").HasMaxLength(200);
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.Detail).HasColumnName("detail").HasMaxLength(4000);
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.At }).HasDatabaseName("ix_audit_entries_entity");
        });
        return modelBuilder;
    }
}
