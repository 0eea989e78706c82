using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Database;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Workflow;

/// <summary>
/// A large group's results in parts (<see cref="ScoresPublishedPart"/>): each unit is told exactly what
/// <see cref="ScoresPublishedNotice"/> tells it from one whole event. A unit's rank is said out of the units that
/// reported in the whole group, which no single part knows, so each part's results are kept (a <see cref="ResultPart"/>:
/// a few fields per unit) until the last missing part arrives; that part's transaction writes every unit's notices, each
/// with the cause of the part that carried the unit (<c>event:{messageId}:{unit}</c>). A part already kept (redelivered,
/// or sent again under another message id) adds nothing.
/// </summary>
public sealed class ScoresPublishedPartNotice(NoticeQueue queue, NotificationsDbContext db) : IConsumer<ScoresPublishedPart>
{
    public Task Consume(ConsumeContext<ScoresPublishedPart> context) =>
        queue.WriteAsync(context, nameof(ScoresPublishedPartNotice), async (writer, ct) =>
        {
            var m = context.Message;
            if (m.Parts < 1 || m.Part < 1 || m.Part > m.Parts) return [];
            // Parts of one revision are kept one at a time, so the one that completes it sees every other one committed.
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey($"result-parts:{m.Tenant}:{m.FrameworkId}:{m.Period}:{m.PeerGroup}:{m.Revision}")})",
                ct);
            var revision = db.Set<ResultPart>().Where(p => p.Tenant == m.Tenant && p.Framework == m.FrameworkId && p.Period == m.Period
                && p.PeerGroup == m.PeerGroup && p.Revision == m.Revision);
            if (await revision.AnyAsync(p => p.Part == m.Part, ct)) return [];

            var changed = m.ChangedUnits?.ToHashSet(StringComparer.Ordinal);
            var cause = NoticeQueue.Cause(context);
            db.Add(new ResultPart
            {
                Tenant = m.Tenant, Framework = m.FrameworkId, Period = m.Period, PeerGroup = m.PeerGroup, Revision = m.Revision, Part = m.Part,
                Parts = m.Parts, Cause = cause, Reported = m.Units.Count(u => u.Reported),
                Units = JsonSerializer.Serialize(m.Units.Select(u => new KeptUnit(u.Unit, u.Total, u.Classification, u.Rank, u.Reported,
                    changed?.Contains(u.Unit) == true)), ResultPart.Json),
            });
            await db.SaveChangesAsync(ct);

            var parts = await revision.Where(p => p.Part <= m.Parts).OrderBy(p => p.Part).ToListAsync(ct);
            if (parts.Count < m.Parts) return [];
            var published = new ScoresPublishedNotice.PublishedRevision(m.FrameworkId, m.FrameworkVersion, m.Period, m.Revision, m.Reason,
                m.OccurredAt, parts.Sum(p => p.Reported));
            var units = parts.SelectMany(p => JsonSerializer.Deserialize<List<KeptUnit>>(p.Units!, ResultPart.Json)!
                .Select(u => new ScoresPublishedNotice.UnitResult(u.Unit, u.Total, u.Classification, u.Rank, u.Reported, u.Changed,
                    $"{p.Cause}:{u.Unit}")));
            var items = await ScoresPublishedNotice.AddressAsync(writer, published, units, ct);
            // Told: the units are not needed any more; the rows stay, so a part sent again is recognised.
            foreach (var part in parts) part.Units = null;
            return items;
        });

    internal sealed record KeptUnit(string Unit, decimal Total, string? Classification, int Rank, bool Reported, bool Changed);
}
