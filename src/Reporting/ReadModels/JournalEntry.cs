using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// One event this service received, exactly as it arrived (table <c>journal</c>, one row per message id: a redelivery is
/// not stored twice). The journal is the reporting service's own record of the platform's history: every read model
/// is a function of it, applied in any order, and a rebuild truncates the read models and applies the journal again.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>Arrival order (identity); a rebuild may apply in any order, this one is only the natural one.</summary>
    public long Sequence { get; set; }

    /// <summary>The envelope's message id (the outbox row that produced the event).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The contract's type name, e.g. <c>ScoresPublished</c>.</summary>
    public string Type { get; set; } = "";

    public string Tenant { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The message body as JSON (the contract serialised with the bus's options).</summary>
    public string Body { get; set; } = "";
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("journal");
        e.HasKey(j => j.Sequence);
        e.Property(j => j.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        e.Property(j => j.MessageId).HasColumnName("message_id");
        e.Property(j => j.Type).HasColumnName("type").HasMaxLength(100);
        e.Property(j => j.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(j => j.OccurredAt).HasColumnName("occurred_at");
        e.Property(j => j.ReceivedAt).HasColumnName("received_at");
        e.Property(j => j.Body).HasColumnName("body").HasColumnType("jsonb");
        e.HasIndex(j => j.MessageId).IsUnique().HasDatabaseName("ux_journal_message");
    }
}
