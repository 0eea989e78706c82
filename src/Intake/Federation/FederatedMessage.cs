using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Intake.Federation;

/// <summary>
/// One message a province's broker forwarded to the centre, as the gate decided it: accepted (republished as the centre's
/// own <c>SubmissionApproved</c>) or refused with a reason in Vietnamese. Unique per (province, message id): a message the
/// shovel delivers again after an outage is recognised and changes nothing.
/// </summary>
public sealed class FederatedMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The province the message came from: the queue it arrived on, never the body.</summary>
    public required string Province { get; init; }

    public required Guid MessageId { get; init; }
    public required Guid SubmissionId { get; init; }
    public required int Revision { get; init; }

    /// <summary>The tenant the body claims (should equal <see cref="Province"/>).</summary>
    public required string ClaimedTenant { get; init; }

    public required string FrameworkId { get; init; }
    public required string Period { get; init; }
    public required string ReportingUnit { get; init; }
    public required string TargetUnit { get; init; }
    public required bool Accepted { get; init; }

    /// <summary>Why the message was refused (Vietnamese), null when accepted.</summary>
    public string? Reason { get; init; }

    /// <summary>The centre had already closed the period nationally when the approval arrived: it enters the next (correction) revision.</summary>
    public bool AfterClose { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

internal sealed class FederatedMessageConfiguration : IEntityTypeConfiguration<FederatedMessage>
{
    public void Configure(EntityTypeBuilder<FederatedMessage> e)
    {
        e.ToTable("federated_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasColumnName("id");
        e.Property(m => m.Province).HasColumnName("province").HasMaxLength(100);
        e.Property(m => m.MessageId).HasColumnName("message_id");
        e.Property(m => m.SubmissionId).HasColumnName("submission_id");
        e.Property(m => m.Revision).HasColumnName("revision");
        e.Property(m => m.ClaimedTenant).HasColumnName("claimed_tenant").HasMaxLength(100);
        e.Property(m => m.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(m => m.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(m => m.ReportingUnit).HasColumnName("reporting_unit").HasMaxLength(200);
        e.Property(m => m.TargetUnit).HasColumnName("target_unit").HasMaxLength(200);
        e.Property(m => m.Accepted).HasColumnName("accepted");
        e.Property(m => m.Reason).HasColumnName("reason").HasMaxLength(1000);
        e.Property(m => m.AfterClose).HasColumnName("after_close");
        e.Property(m => m.ReceivedAt).HasColumnName("received_at");
        // The last guard against a duplicate: two deliveries of one message racing past the inbox check.
        e.HasIndex(m => new { m.Province, m.MessageId }).IsUnique().HasDatabaseName("ux_federated_messages_province_message");
        e.HasIndex(m => m.ReceivedAt).HasDatabaseName("ix_federated_messages_received_at");
    }
}
