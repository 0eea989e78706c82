using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// Writes to and reads from <see cref="JournalEntry"/>: the body is the contract serialised with System.Text.Json's web
/// defaults, and <see cref="Types"/> names every contract the service journals, so a rebuild reads a body back by its
/// <see cref="JournalEntry.Type"/>.
/// </summary>
public static class Journal
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The contracts the service receives, by the name stored in <c>journal.type</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Types = new[]
    {
        typeof(OrganisationUnitRegistered), typeof(FrameworkVersionPublished), typeof(ObligationsAnnounced),
        typeof(SubmissionSubmitted), typeof(SubmissionReturned), typeof(SubmissionApproved),
        typeof(PeriodClosed), typeof(PeriodReopened), typeof(ScoresPublished), typeof(ScoresPublishedPart), typeof(DxIndexPublished),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// Stores the event once per message id (<c>ON CONFLICT (message_id) DO NOTHING</c>), in the caller's transaction.
    /// </summary>
    /// <returns>False when the message id is already in the journal: a redelivery, to be committed and dropped.</returns>
    public static async Task<bool> AppendAsync(DbContext db, Guid messageId, IIntegrationEvent message, DateTimeOffset receivedAt,
        CancellationToken ct)
    {
        var type = message.GetType().Name;
        var body = JsonSerializer.Serialize(message, message.GetType(), Json);
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO journal (message_id, type, tenant, occurred_at, received_at, body)
            VALUES ({messageId}, {type}, {message.Tenant}, {message.OccurredAt.ToUniversalTime()}, {receivedAt.ToUniversalTime()}, CAST({body} AS jsonb))
            ON CONFLICT (message_id) DO NOTHING
            """, ct);
        return rows == 1;
    }

    /// <summary>A stored body read back as its contract (null for a type this build does not know).</summary>
    public static IIntegrationEvent? Read(string type, string body) =>
        Types.TryGetValue(type, out var contract) ? (IIntegrationEvent?)JsonSerializer.Deserialize(body, contract, Json) : null;
}
