using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Inbox;

/// <summary>
/// One person has read one in-app notification. An in-app notification is written once for an audience
/// (<c>unit:{code}:{role}</c>); who has read it is kept per person here.
/// </summary>
public sealed class InboxRead
{
    public string Tenant { get; set; } = "";
    public string Subject { get; set; } = "";
    public Guid NotificationId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

internal sealed class InboxReadConfiguration : IEntityTypeConfiguration<InboxRead>
{
    public void Configure(EntityTypeBuilder<InboxRead> builder)
    {
        builder.ToTable("inbox_reads");
        builder.HasKey(r => new { r.Tenant, r.Subject, r.NotificationId });
        builder.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(r => r.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(r => r.NotificationId).HasColumnName("notification_id");
        builder.Property(r => r.ReadAt).HasColumnName("read_at");
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
