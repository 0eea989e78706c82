using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// An outside system's subscription to platform events: each event of a subscribed type is delivered to <see cref="Url"/>
/// as one <c>webhook</c> notification (recipient <c>webhook:{Id}</c>), signed with the subscription's secret.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";

    /// <summary>What the administrators call the receiving system, e.g. "Hệ thống báo cáo tỉnh Lào Cai".</summary>
    public string Name { get; set; } = "";

    /// <summary>Where deliveries are POSTed: https, or http to localhost / 127.0.0.1 in Development.</summary>
    public string Url { get; set; } = "";

    /// <summary>Event type names (<see cref="WebhookEvents"/>).</summary>
    public string[] Events { get; set; } = [];

    /// <summary>The unit whose administrators manage it; events about units outside its subtree are not delivered to it.</summary>
    public string OwnerUnit { get; set; } = "";

    public bool Active { get; set; } = true;

    /// <summary>The signing secret, encrypted with ASP.NET Core Data Protection (<see cref="WebhookSecrets"/>); never shown again.</summary>
    public string ProtectedSecret { get; set; } = "";

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Recipient => WebhookRecipients.For(Id);
}

public static class WebhookRecipients
{
    public const string Prefix = "webhook:";

    public static string For(Guid subscriptionId) => Prefix + subscriptionId.ToString("D");

    public static Guid? SubscriptionOf(string recipient) =>
        recipient.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(recipient.AsSpan(Prefix.Length), out var id) ? id : null;
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(s => s.Name).HasColumnName("name").HasMaxLength(WebhookValidation.NameMax);
        builder.Property(s => s.Url).HasColumnName("url").HasMaxLength(WebhookValidation.UrlMax);
        builder.Property(s => s.Events).HasColumnName("events");
        builder.Property(s => s.OwnerUnit).HasColumnName("owner_unit").HasMaxLength(100);
        builder.Property(s => s.Active).HasColumnName("active");
        builder.Property(s => s.ProtectedSecret).HasColumnName("protected_secret");
        builder.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(s => s.Recipient);
        builder.HasIndex(s => new { s.Tenant, s.OwnerUnit }).HasDatabaseName("ix_webhook_subscriptions_owner");
        builder.HasIndex(s => s.Events).HasMethod("gin").HasDatabaseName("ix_webhook_subscriptions_events");
    }
}
