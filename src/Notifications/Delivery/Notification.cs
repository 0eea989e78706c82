using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Delivery;

/// <summary>
/// One message to one recipient over one channel, for one cause. (<see cref="Recipient"/>, <see cref="Cause"/>,
/// <see cref="Channel"/>) is unique: a redelivered event, a rerun of a reminder or a second replica finds the row already
/// there and adds nothing (<see cref="NotificationQueue"/>). The row is also the record of what was sent: who, what,
/// when, and how it went (<see cref="State"/>, <see cref="Attempts"/>, <see cref="LastError"/>, and every attempt in
/// <see cref="DeliveryAttempt"/>).
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";

    /// <summary>What it is about (<see cref="NotificationKinds"/>): people choose channels per kind.</summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// Stable key of what caused it, the same however often the cause is seen: the event's message id
    /// (<c>event:{messageId}</c>), or the reminder's (<c>reminder:{framework}:{period}:{level}:{unit}:{offset}</c>).
    /// </summary>
    public string Cause { get; set; } = "";

    /// <summary><see cref="Channels"/>: <c>email</c>, <c>in-app</c> or <c>webhook</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>
    /// E-mail: the address, lower case. In-app: <c>unit:{code}:{role}</c> (everyone holding the role in the unit sees
    /// it) or <c>person:{sub}</c>. Webhook: <c>webhook:{subscription id}</c>.
    /// </summary>
    public string Recipient { get; set; } = "";

    /// <summary>The person's or system's name, for the log people read; null when unknown.</summary>
    public string? RecipientName { get; set; }

    /// <summary>The unit the notification is about (whose report, whose result): scopes who may read the log.</summary>
    public string? Unit { get; set; }

    /// <summary>Vietnamese subject line / inbox title.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Vietnamese plain text; for a webhook, the JSON body delivered.</summary>
    public string Body { get; set; } = "";

    /// <summary>E-mail only: the HTML alternative of <see cref="Body"/>.</summary>
    public string? Html { get; set; }

    /// <summary>The web application's path of the page that needs action (<c>/bao-cao/…</c>), or null.</summary>
    public string? Link { get; set; }

    /// <summary>A legal deadline's reminder or escalation: no preference silences it.</summary>
    public bool Legal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><see cref="NotificationStates"/>.</summary>
    public string State { get; set; } = NotificationStates.Pending;

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A sender holds the row until then (lease); another replica takes it only after.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class Channels
{
    public const string Email = "email";
    public const string InApp = "in-app";
    public const string Webhook = "webhook";

    public static IReadOnlyList<string> All { get; } = [Email, InApp, Webhook];
}

public static class NotificationStates
{
    /// <summary>Waiting for its first or next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>Delivered: the SMTP server or the webhook endpoint accepted it; in-app rows are delivered when written.</summary>
    public const string Sent = "sent";

    /// <summary>Gave up after the channel's attempt limit; an administrator may replay it.</summary>
    public const string Dead = "dead";

    /// <summary>Not sent on purpose (the person chose not to receive this kind on this channel).</summary>
    public const string Skipped = "skipped";
}

/// <summary>What notifications are about; people choose channels per kind (<see cref="Legal"/> kinds cannot be silenced).</summary>
public static class NotificationKinds
{
    public const string DeadlineReminder = "deadline-reminder";
    public const string DeadlineEscalation = "deadline-escalation";
    public const string FocalPointsMissing = "focal-points-missing";
    public const string SubmissionReturned = "submission-returned";
    public const string SubmissionApproved = "submission-approved";
    public const string PeriodReopened = "period-reopened";
    public const string ResultsPublished = "results-published";
    public const string ResultsCorrected = "results-corrected";
    public const string BonusDecided = "bonus-decided";

    /// <summary>A platform event delivered to a subscribed outside system (channel <c>webhook</c>).</summary>
    public const string Event = "event";

    public static IReadOnlyList<string> Legal { get; } = [DeadlineReminder, DeadlineEscalation, FocalPointsMissing];

    public static IReadOnlyList<string> ForPeople { get; } =
        [DeadlineReminder, DeadlineEscalation, FocalPointsMissing, SubmissionReturned, SubmissionApproved, PeriodReopened,
         ResultsPublished, ResultsCorrected, BonusDecided];
}

/// <summary>One try to deliver a <see cref="Notification"/>: when, how it went, and what the other side said.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }
    public Guid NotificationId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>sent</c>, <c>failed</c> or <c>dead</c>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The SMTP reply or the HTTP status and the start of the body; the exception's message on a failure.</summary>
    public string? Detail { get; set; }

    public int DurationMs { get; set; }
}

/// <summary>One <see cref="DeliveryAttempt"/> as the sent log and the webhook delivery log show it.</summary>
/// <param name="Outcome"><c>sent</c>, <c>failed</c> or <c>dead</c>.</param>
/// <param name="Detail">The SMTP reply or the HTTP status and the start of the answer, or the error.</param>
public sealed record AttemptView(int Attempt, DateTimeOffset At, string Outcome, string? Detail, int DurationMs);

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id");
        builder.Property(n => n.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(n => n.Kind).HasColumnName("kind").HasMaxLength(60);
        builder.Property(n => n.Cause).HasColumnName("cause").HasMaxLength(400);
        builder.Property(n => n.Channel).HasColumnName("channel").HasMaxLength(20);
        builder.Property(n => n.Recipient).HasColumnName("recipient").HasMaxLength(320);
        builder.Property(n => n.RecipientName).HasColumnName("recipient_name").HasMaxLength(300);
        builder.Property(n => n.Unit).HasColumnName("unit").HasMaxLength(100);
        builder.Property(n => n.Subject).HasColumnName("subject").HasMaxLength(500);
        builder.Property(n => n.Body).HasColumnName("body");
        builder.Property(n => n.Html).HasColumnName("html");
        builder.Property(n => n.Link).HasColumnName("link").HasMaxLength(500);
        builder.Property(n => n.Legal).HasColumnName("legal");
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        builder.Property(n => n.State).HasColumnName("state").HasMaxLength(20);
        builder.Property(n => n.Attempts).HasColumnName("attempts");
        builder.Property(n => n.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(n => n.LockedUntil).HasColumnName("locked_until");
        builder.Property(n => n.SentAt).HasColumnName("sent_at");
        builder.Property(n => n.LastError).HasColumnName("last_error").HasMaxLength(2000);
        builder.HasIndex(n => new { n.Recipient, n.Cause, n.Channel }).IsUnique().HasDatabaseName("ux_notifications_once");
        // What the senders poll: the due rows of a channel.
        builder.HasIndex(n => new { n.Channel, n.NextAttemptAt }).HasFilter("state = 'pending'").HasDatabaseName("ix_notifications_due");
        builder.HasIndex(n => new { n.Tenant, n.Recipient, n.CreatedAt }).HasDatabaseName("ix_notifications_recipient");
        builder.HasIndex(n => new { n.Tenant, n.CreatedAt }).HasDatabaseName("ix_notifications_created");
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(a => a.NotificationId).HasColumnName("notification_id");
        builder.Property(a => a.Attempt).HasColumnName("attempt");
        builder.Property(a => a.At).HasColumnName("at");
        builder.Property(a => a.Outcome).HasColumnName("outcome").HasMaxLength(20);
        builder.Property(a => a.Detail).HasColumnName("detail").HasMaxLength(2000);
        builder.Property(a => a.DurationMs).HasColumnName("duration_ms");
        builder.HasOne<Notification>().WithMany().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.NotificationId).HasDatabaseName("ix_delivery_attempts_notification");
    }
}
