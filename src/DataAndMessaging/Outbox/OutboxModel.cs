using Microsoft.EntityFrameworkCore;

namespace Platform.DataAndMessaging.Outbox;

public static class OutboxModel
{
    /// <summary>Adds the <c>outbox_messages</c> and <c>inbox_messages</c> tables to a service's model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.PublishedAt).HasColumnName("published_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(OutboxTracing.MaxTraceParentLength);
            e.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(OutboxTracing.MaxTraceStateLength);
            e.HasIndex(m => new { m.NextAttemptAt, m.Sequence })
                .HasDatabaseName("ix_outbox_messages_pending")
                .HasFilter("published_at IS NULL");
            e.HasIndex(m => m.PublishedAt).HasDatabaseName("ix_outbox_messages_published_at");
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
        });
        return modelBuilder;
    }
}
