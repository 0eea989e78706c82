using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Io;
using Platform.TestSupport;
using RabbitMQ.Client;

namespace Platform.MonthlyScoring.Tests.Publication;

/// <summary>
/// A peer group of more than <see cref="ScoresPublishedPart.MaxUnitsPerPart"/> units travels as <c>ScoresPublishedPart</c>
/// messages on their own exchange (docs/events.md), seen here by plain AMQP subscribers: one bound to both exchanges, one
/// that knows only <c>ScoresPublished</c>. A 34-unit group is still one <c>ScoresPublished</c>.
/// </summary>
public sealed class PublishedPartsTests(PlatformInfrastructure infrastructure)
{
    private const string Whole = "Platform.Contracts:ScoresPublished";
    private const string Part = "Platform.Contracts:ScoresPublishedPart";
    private const int LargeGroup = ScoresPublishedPart.MaxUnitsPerPart + 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_large_peer_group_arrives_in_parts_under_4_MiB_whose_union_is_the_whole_revision_and_a_small_group_in_one_message()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-parts");
        await using (var db = host.Db())
        {
            await using var data = NpgsqlDataSource.Create(db.Database.GetConnectionString()!);
            await SeedAsync(data, "provinces", "province", "tinh", LargeGroup);
            await SeedAsync(data, "ministries", "ministry", "bo", 34);
        }
        await host.CloseAsync();

        await using var connection = await new ConnectionFactory { Uri = new Uri(host.Messaging) }.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        foreach (var exchange in new[] { Whole, Part })
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Ct);
        await channel.QueueDeclareAsync("portal.both", durable: false, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync("portal.both", Whole, "", cancellationToken: Ct);
        await channel.QueueBindAsync("portal.both", Part, "", cancellationToken: Ct);
        await channel.QueueDeclareAsync("portal.whole-only", durable: false, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync("portal.whole-only", Whole, "", cancellationToken: Ct);

        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var (run, fingerprint) = await PublishAsync(publisher, "provinces");

        // Every part, each under 4 MiB, received by the subscriber bound to both exchanges.
        var parts = new List<(int Bytes, string Type, JsonElement Message)>();
        for (var i = 0; i < 2; i++) parts.Add(await NextAsync(channel, "portal.both"));
        Assert.All(parts, p => Assert.True(p.Bytes < 4 * 1024 * 1024, $"a message of {p.Bytes:N0} bytes"));
        Assert.All(parts, p => Assert.Equal($"urn:message:{Part}", p.Type));
        var ordered = parts.Select(p => p.Message).OrderBy(m => m.GetProperty("part").GetInt32()).ToList();
        Assert.Equal([1, 2], ordered.Select(m => m.GetProperty("part").GetInt32()));
        Assert.All(ordered, m => Assert.Equal((2, LargeGroup, "provinces", "2026-01", 1, JsonValueKind.Null, JsonValueKind.Null),
            (m.GetProperty("parts").GetInt32(), m.GetProperty("unitCount").GetInt32(), m.GetProperty("peerGroup").GetString(),
                m.GetProperty("period").GetString(), m.GetProperty("revision").GetInt32(), m.GetProperty("supersedes").ValueKind,
                m.GetProperty("changedUnits").ValueKind)));
        Assert.Equal([ScoresPublishedPart.MaxUnitsPerPart, 1],
            ordered.Select(m => m.GetProperty("units").GetArrayLength()));

        // Parts 1 and 2 together: the whole revision in published order, ranks among the whole group, as the stored result says.
        ScoreRun stored;
        await using (var db = host.Db())
            stored = await db.ScoreRuns.SingleAsync(r => r.Id == run.Id, Ct);
        var resultJson = stored.ResultJson;
        // The fingerprint (hashed chunk by chunk) is the SHA-256 of the revision and both stored documents, each far over one chunk.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"revision 1\n{stored.InputJson}\n{resultJson}"))), fingerprint);
        var standings = Standings.Of(ResultLines.Read(resultJson));
        var afterRanked = standings.Count(s => s.Reported) + 1;
        var units = ordered.SelectMany(m => m.GetProperty("units").EnumerateArray()).ToList();
        Assert.Equal(standings.Select(s => $"{s.Line.Unit} #{s.Rank ?? afterRanked} {s.Line.Total}"),
            units.Select(u => $"{u.GetProperty("unit").GetString()} #{u.GetProperty("rank").GetInt32()} {u.GetProperty("total").GetDecimal()}"));

        // A small group afterwards: one ScoresPublished, the only message the ScoresPublished-only subscriber ever gets.
        await PublishAsync(publisher, "ministries");
        var ministries = await NextAsync(channel, "portal.both");
        Assert.Equal(($"urn:message:{Whole}", "ministries", 34), (ministries.Type, ministries.Message.GetProperty("peerGroup").GetString(),
            ministries.Message.GetProperty("units").GetArrayLength()));
        Assert.False(ministries.Message.TryGetProperty("part", out _));
        var only = await NextAsync(channel, "portal.whole-only");
        Assert.Equal(($"urn:message:{Whole}", "ministries"), (only.Type, only.Message.GetProperty("peerGroup").GetString()));
        Assert.Null(await channel.BasicGetAsync("portal.whole-only", autoAck: true, Ct));
        Assert.Null(await channel.BasicGetAsync("portal.both", autoAck: true, Ct));
    }

    private static async Task<(RunView Run, string Fingerprint)> PublishAsync(HttpClient publisher, string peerGroup)
    {
        var preview = await publisher.GetFromJsonAsync<JsonElement>(
            $"/api/monthly-scoring/publications/preview?period={MonthlyScoringHost.Period}&peerGroup={peerGroup}", Ct);
        var response = await publisher.PostAsJsonAsync("/api/monthly-scoring/publications", new
        {
            period = MonthlyScoringHost.Period, peerGroup, fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true,
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.Content.ReadFromJsonAsync<RunView>(Ct))!, preview.GetProperty("fingerprint").GetString()!);
    }

    private static async Task<(int Bytes, string Type, JsonElement Message)> NextAsync(IChannel channel, string queue)
    {
        var delivery = await Eventually.WaitForAsync(() => channel.BasicGetAsync(queue, autoAck: true, Ct), d => d is not null,
            TimeSpan.FromSeconds(60), $"a message in {queue}");
        var envelope = JsonDocument.Parse(delivery!.Body).RootElement;
        return (delivery.Body.Length, envelope.GetProperty("messageType")[0].GetString()!, envelope.GetProperty("message"));
    }

    /// <summary>Units of one peer group with the 20 monthly-4585 inputs each, varied per unit, some silent (one in 400 reports nothing: listed last, after the part boundary).</summary>
    private static async Task SeedAsync(NpgsqlDataSource data, string peerGroup, string kind, string prefix, int count)
    {
        await using var connection = await data.OpenConnectionAsync(Ct);
        var codes = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:00000}").ToArray();
        await using (var units = await connection.BeginBinaryImportAsync("COPY units (tenant, code, name, kind, parent_code, peer_groups, valid_to, revision) FROM STDIN (FORMAT BINARY)", Ct))
        {
            foreach (var code in codes)
            {
                await units.StartRowAsync(Ct);
                await units.WriteAsync(MonthlyScoringHost.Tenant, NpgsqlDbType.Varchar, Ct);
                await units.WriteAsync(code, NpgsqlDbType.Varchar, Ct);
                await units.WriteAsync("Đơn vị " + code, NpgsqlDbType.Varchar, Ct);
                await units.WriteAsync(kind, NpgsqlDbType.Varchar, Ct);
                await units.WriteAsync("vn", NpgsqlDbType.Varchar, Ct);
                await units.WriteAsync(new[] { peerGroup }, NpgsqlDbType.Array | NpgsqlDbType.Text, Ct);
                await units.WriteNullAsync(Ct);
                await units.WriteAsync(1, NpgsqlDbType.Integer, Ct);
            }
            await units.CompleteAsync(Ct);
        }
        await using var values = await connection.BeginBinaryImportAsync(
            "COPY approved_values (tenant, framework_id, period, unit, input_key, value, framework_version, submission_id, submission_revision, reporting_unit, approved_at, derived) FROM STDIN (FORMAT BINARY)", Ct);
        for (var i = 0; i < codes.Length; i++)
        {
            if (i % 400 == 399) continue;
            foreach (var (key, value) in GeneratedValues.Of(i))
            {
                await values.StartRowAsync(Ct);
                await values.WriteAsync(MonthlyScoringHost.Tenant, NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(MonthlyScoringHost.Framework, NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(MonthlyScoringHost.Period, NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(codes[i], NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(key, NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(JsonSerializer.Serialize(value), NpgsqlDbType.Jsonb, Ct);
                await values.WriteAsync("4585/QĐ-BKHCN (30/12/2025)", NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, Ct);
                await values.WriteAsync(2, NpgsqlDbType.Integer, Ct);
                await values.WriteAsync(codes[i], NpgsqlDbType.Varchar, Ct);
                await values.WriteAsync(MonthlyScoringHost.Now.AddDays(-2), NpgsqlDbType.TimestampTz, Ct);
                await values.WriteAsync(false, NpgsqlDbType.Boolean, Ct);
            }
        }
        await values.CompleteAsync(Ct);
    }
}

/// <summary>The 20 monthly-4585 inputs of a generated unit <c>i</c>, varied and consistent with the framework's checks (as bench/MonthlyPublication seeds them).</summary>
internal static class GeneratedValues
{
    public static IEnumerable<(string Key, object Value)> Of(int i)
    {
        var due = 10 + i % 7;
        var late = i % 2;
        var held = 1 + i % 5;
        var total = 5 + i % 4;
        yield return ("A.due", due);
        yield return ("A.backlog", i % 3);
        yield return ("A.onTime", due - late - i % 4);
        yield return ("A.late", late);
        for (var b = 1; b <= 5; b++) yield return ($"B.B{b}", (i * b + 7) % 19);
        yield return ("C1.records", (i * 37) % 2000);
        yield return ("C2.transactions", (i * 91) % 9000);
        yield return ("D1.accepted", i % (total + 1));
        yield return ("D1.total", total);
        yield return ("D2.rate", (i % 101) / 100m);
        yield return ("E1.attended", i % (held + 1));
        yield return ("E1.held", held);
        yield return ("E2.speeches", i % 3);
        yield return ("E2.reports", i % 4);
        yield return ("E3.onTime", i % 3 != 0);
        yield return ("E3.completion", (i % 11) / 10m);
    }
}
