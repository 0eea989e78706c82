using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Notifications.Delivery;

/// <summary>A notification to write: one recipient, one channel, one cause (see <see cref="Notification"/>).</summary>
public sealed record NewNotification(
    string Kind, string Cause, string Channel, string Recipient, string? RecipientName, string? Unit,
    string Subject, string Body, string? Html, string? Link, bool Legal);

/// <summary>
/// Writes notifications once: a row whose (recipient, cause, channel) is already there is left as it is, so any number
/// of redeliveries, reruns and replicas write each notification exactly once. In-app notifications are delivered by
/// being written (state <c>sent</c>); e-mail and webhook rows wait for their channel's sender. One statement per call
/// (arrays unnested by PostgreSQL), inside the caller's transaction when it has one.
/// </summary>
public static class NotificationQueue
{
    /// <summary>Writes <paramref name="items"/>; returns how many were new.</summary>
    public static async Task<int> EnqueueAsync(DbContext db, string tenant, IReadOnlyCollection<NewNotification> items,
        DateTimeOffset now, CancellationToken ct)
    {
        if (items.Count == 0) return 0;
        var distinct = items.DistinctBy(i => (i.Recipient, i.Cause, i.Channel)).ToList();
        NpgsqlParameter Array<T>(string name, NpgsqlDbType type, Func<NewNotification, T> pick) =>
            new(name, NpgsqlDbType.Array | type) { Value = distinct.Select(pick).ToArray() };

        return await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO notifications (id, tenant, kind, cause, channel, recipient, recipient_name, unit, subject, body, html, link,
                                       legal, created_at, state, attempts, next_attempt_at, sent_at)
            SELECT gen_random_uuid(), @tenant, n.kind, n.cause, n.channel, n.recipient, n.recipient_name, n.unit, n.subject, n.body,
                   n.html, n.link, n.legal, @now,
                   CASE WHEN n.channel = 'in-app' THEN 'sent' ELSE 'pending' END, 0, @now,
                   CASE WHEN n.channel = 'in-app' THEN @now END
            FROM unnest(@kind, @cause, @channel, @recipient, @recipient_name, @unit, @subject, @body, @html, @link, @legal)
                 AS n(kind, cause, channel, recipient, recipient_name, unit, subject, body, html, link, legal)
            ON CONFLICT (recipient, cause, channel) DO NOTHING
            """,
            [
                new NpgsqlParameter("tenant", tenant),
                new NpgsqlParameter("now", now),
                Array("kind", NpgsqlDbType.Text, i => i.Kind),
                Array("cause", NpgsqlDbType.Text, i => i.Cause),
                Array("channel", NpgsqlDbType.Text, i => i.Channel),
                Array("recipient", NpgsqlDbType.Text, i => i.Channel == Channels.Email ? i.Recipient.Trim().ToLowerInvariant() : i.Recipient),
                Array("recipient_name", NpgsqlDbType.Text, i => i.RecipientName),
                Array("unit", NpgsqlDbType.Text, i => i.Unit),
                Array("subject", NpgsqlDbType.Text, i => i.Subject),
                Array("body", NpgsqlDbType.Text, i => i.Body),
                Array("html", NpgsqlDbType.Text, i => i.Html),
                Array("link", NpgsqlDbType.Text, i => i.Link),
                Array("legal", NpgsqlDbType.Boolean, i => i.Legal),
            ], ct);
    }
}
