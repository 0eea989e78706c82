using System.Text.Json;
using Npgsql;

namespace Platform.FaultInjection.Tests;

/// <summary>What the databases hold after the run, held against what the clients were told.</summary>
public sealed class Verification
{
    public int Accepted { get; private set; }
    public int AcceptedAfterRetry { get; private set; }
    public int Refused { get; private set; }
    public int Retries { get; private set; }
    public int Lost { get; private set; }
    public int Duplicated { get; private set; }
    public int Altered { get; private set; }
    public int StoredThoughRefused { get; private set; }
    public int Approvals { get; private set; }
    public int ApprovalsRefused { get; private set; }
    public int ApprovalsReachedScoringOnce { get; private set; }
    public int ApprovalsLostOnTheWay { get; private set; }
    public int ApprovalsDuplicated { get; private set; }
    public int StuckOutboxRows { get; set; }
    public List<string> Problems { get; } = [];

    private const string Framework = LoadRun.Framework;

    public static async Task<Verification> RunAsync(FaultedPlatform platform, IReadOnlyList<Outcome> outcomes)
    {
        var v = new Verification();
        var stored = new Dictionary<string, List<(Guid Id, string State, Dictionary<string, string> Values)>>();
        var approvalEvents = new Dictionary<Guid, List<(Guid MessageId, bool Published)>>();
        await using (var intake = await platform.OpenAsync("intakedb"))
        {
            await using (var read = new NpgsqlCommand(
                "SELECT id, reporting_unit, target_unit, period, state, \"values\"::text FROM submissions WHERE framework_id = $1", intake))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = Framework });
                await using var rows = await read.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    var key = $"{rows.GetString(1)}|{rows.GetString(2)}|{rows.GetString(3)}";
                    if (!stored.TryGetValue(key, out var list)) stored[key] = list = [];
                    list.Add((rows.GetGuid(0), rows.GetString(4), Values(rows.GetString(5))));
                }
            }
            await using (var read = new NpgsqlCommand(
                "SELECT id, (body::jsonb)->>'submissionId', published_at IS NOT NULL FROM outbox_messages WHERE message_type LIKE 'Platform.Contracts.SubmissionApproved,%'", intake))
            await using (var rows = await read.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                    var submission = Guid.Parse(rows.GetString(1));
                    if (!approvalEvents.TryGetValue(submission, out var list)) approvalEvents[submission] = list = [];
                    list.Add((rows.GetGuid(0), rows.GetBoolean(2)));
                }
            }
        }

        var inbox = new Dictionary<Guid, int>();
        var scoringValues = new Dictionary<Guid, Dictionary<string, string>>();
        await using (var scoring = await platform.OpenAsync("monthlyscoringdb"))
        {
            await using (var read = new NpgsqlCommand("SELECT message_id FROM inbox_messages WHERE consumer = 'SubmissionApprovedConsumer'", scoring))
            await using (var rows = await read.ExecuteReaderAsync())
                while (await rows.ReadAsync()) inbox[rows.GetGuid(0)] = inbox.GetValueOrDefault(rows.GetGuid(0)) + 1;
            await using (var read = new NpgsqlCommand("SELECT submission_id, input_key, value::text FROM approved_values WHERE framework_id = $1 AND NOT derived", scoring))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = Framework });
                await using var rows = await read.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    if (!scoringValues.TryGetValue(rows.GetGuid(0), out var values)) scoringValues[rows.GetGuid(0)] = values = [];
                    values[rows.GetString(1)] = LoadRun.Canonical(JsonDocument.Parse(rows.GetString(2)).RootElement);
                }
            }
        }

        foreach (var o in outcomes)
        {
            v.Retries += o.Retries + o.ApprovalRetries;
            var rows = stored.GetValueOrDefault(o.Job.Key) ?? [];
            if (!o.Accepted)
            {
                v.Refused++;
                if (rows.Any(r => r.State is "submitted" or "approved")) v.StoredThoughRefused++;
                v.Problems.Add($"job {o.Job.Index} ({(o.Job.Machine ? "machine" : "web")} {o.Job.Key}) not accepted: {o.Failure}");
                continue;
            }
            v.Accepted++;
            if (o.AcceptedAfterRetry) v.AcceptedAfterRetry++;
            var handedIn = rows.Where(r => r.State is "submitted" or "approved").ToList();
            if (handedIn.Count == 0)
            {
                v.Lost++;
                v.Problems.Add($"LOST: job {o.Job.Index} {o.Job.Key} answered {o.Id}, stored: {string.Join(", ", rows.Select(r => $"{r.Id} {r.State}"))}");
                continue;
            }
            if (rows.Count > 1)
            {
                v.Duplicated++;
                v.Problems.Add($"DUPLICATED: job {o.Job.Index} {o.Job.Key}: {rows.Count} rows");
            }
            var row = handedIn[0];
            var expected = o.Job.Values.ToDictionary(kv => kv.Key, kv => LoadRun.Canonical(kv.Value));
            if (row.Id != o.Id || !Same(expected, row.Values))
            {
                v.Altered++;
                v.Problems.Add($"ALTERED: job {o.Job.Index} {o.Job.Key}: answered {o.Id}, stored {row.Id}");
            }

            if (o.Job.Reviewer is null) continue;
            if (!o.Approved)
            {
                v.ApprovalsRefused++;
                v.Problems.Add($"approval of job {o.Job.Index} ({o.Id}) not accepted: {o.ApprovalFailure}");
                continue;
            }
            v.Approvals++;
            var events = approvalEvents.GetValueOrDefault(row.Id) ?? [];
            var consumed = events.Sum(e => inbox.GetValueOrDefault(e.MessageId));
            var arrived = scoringValues.GetValueOrDefault(row.Id);
            if (row.State != "approved" || events.Count == 0 || consumed == 0 || arrived is null || !Same(expected, arrived))
            {
                v.ApprovalsLostOnTheWay++;
                v.Problems.Add($"APPROVAL LOST: job {o.Job.Index} {row.Id}: state {row.State}, {events.Count} events, consumed {consumed}, values in scoring: {arrived?.Count ?? 0}");
            }
            else if (events.Count > 1 || consumed > 1)
            {
                v.ApprovalsDuplicated++;
                v.Problems.Add($"APPROVAL DUPLICATED: job {o.Job.Index} {row.Id}: {events.Count} events, consumed {consumed} times");
            }
            else v.ApprovalsReachedScoringOnce++;
        }
        return v;
    }

    private static bool Same(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var a) && a == kv.Value);

    private static Dictionary<string, string> Values(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => LoadRun.Canonical(p.Value));

    /// <summary>Rows of <c>outbox_messages</c> not yet published, in intake's and monthly scoring's databases.</summary>
    public static async Task<int> PendingOutboxAsync(FaultedPlatform platform)
    {
        var pending = 0;
        foreach (var database in (string[])["intakedb", "monthlyscoringdb"])
        {
            await using var connection = await platform.OpenAsync(database);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", connection);
            pending += (int)(long)(await count.ExecuteScalarAsync())!;
        }
        return pending;
    }

    /// <summary>How many of intake's SubmissionApproved events monthly scoring has not consumed yet.</summary>
    public static async Task<int> UnconsumedApprovalsAsync(FaultedPlatform platform)
    {
        var sent = new HashSet<Guid>();
        await using (var intake = await platform.OpenAsync("intakedb"))
        await using (var read = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE message_type LIKE 'Platform.Contracts.SubmissionApproved,%'", intake))
        await using (var rows = await read.ExecuteReaderAsync())
            while (await rows.ReadAsync()) sent.Add(rows.GetGuid(0));
        await using (var scoring = await platform.OpenAsync("monthlyscoringdb"))
        await using (var read = new NpgsqlCommand("SELECT message_id FROM inbox_messages WHERE consumer = 'SubmissionApprovedConsumer'", scoring))
        await using (var rows = await read.ExecuteReaderAsync())
            while (await rows.ReadAsync()) sent.Remove(rows.GetGuid(0));
        return sent.Count;
    }
}
