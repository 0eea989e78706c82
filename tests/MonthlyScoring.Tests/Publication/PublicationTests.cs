using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Runs;
using Platform.TestSupport;
using RabbitMQ.Client;

namespace Platform.MonthlyScoring.Tests.Publication;

public sealed class PublicationTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_before_the_period_closed_nationally_is_refused_and_a_reviewer_may_not_publish()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-closed");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync(level: "agency-to-province");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);

        var preview = await Publishing.PreviewAsync(publisher);
        Assert.False(preview.GetProperty("closed").GetBoolean());
        var early = await PublishAsync(publisher, preview: preview);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Kỳ 01/2026 chưa chốt số liệu", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        await host.CloseAsync();
        using var reviewer = host.Client(MonthlyScoringHost.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/monthly-scoring/publications/preview?period=2026-01&peerGroup=provinces", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Publishing.Post(reviewer, null, "abc", true)).StatusCode);
        await using var db = host.Db();
        Assert.False(await db.ScoreRuns.AnyAsync(Ct));
        Assert.Empty(await host.OutboxAsync("ScoresPublished"));
    }

    [Fact]
    public async Task A_correction_is_a_new_revision_superseding_the_last_with_its_reason_and_only_the_changed_units()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-revisions");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);

        var first = await CreatedAsync(await PublishAsync(publisher));
        Assert.Equal(("official", 1, (Guid?)null, "current"), (first.Kind, first.Revision, first.Supersedes, first.Status));
        var published = JsonDocument.Parse(Assert.Single(await host.OutboxAsync("ScoresPublished"))).RootElement;
        Assert.Equal((1, JsonValueKind.Null, JsonValueKind.Null), (published.GetProperty("revision").GetInt32(),
            published.GetProperty("supersedes").ValueKind, published.GetProperty("changedUnits").ValueKind));
        var laoCai = published.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "lao-cai");
        Assert.Equal((71m, "B", 1), (laoCai.GetProperty("total").GetDecimal(), laoCai.GetProperty("classification").GetString(), laoCai.GetProperty("rank").GetInt32()));
        Assert.Equal(14.4m, laoCai.GetProperty("indicators").GetProperty("A1").GetProperty("score").GetDecimal());

        var noReason = await PublishAsync(publisher);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _));
        // Nothing changed: said plainly, not as a conflict of data; the preview said so beforehand.
        var same = await Publishing.PreviewAsync(publisher);
        Assert.Equal((2, true, false, 0), (same.GetProperty("revision").GetInt32(), same.GetProperty("unchanged").GetBoolean(),
            same.GetProperty("correctionNeeded").GetBoolean(), same.GetProperty("changes").GetArrayLength()));
        var unchanged = await PublishAsync(publisher, "Bấm nhầm");
        Assert.Equal(HttpStatusCode.Conflict, unchanged.StatusCode);
        var nothing = await unchanged.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Không có gì thay đổi", nothing.GetProperty("title").GetString());
        Assert.Contains("giống hệt lần công bố 1", nothing.GetProperty("detail").GetString());

        // Lào Cai's corrected count: A1 = 9/10 × 18 = 16.2, total 73.1 → 73; Thanh Hóa's result does not change.
        await host.CorrectAsync("lao-cai", "A.onTime", 9);
        var correction = await Publishing.PreviewAsync(publisher);
        Assert.Equal((2, 1, false, true), (correction.GetProperty("revision").GetInt32(), correction.GetProperty("current").GetProperty("revision").GetInt32(),
            correction.GetProperty("unchanged").GetBoolean(), correction.GetProperty("correctionNeeded").GetBoolean()));
        var change = Assert.Single(correction.GetProperty("changes").EnumerateArray());
        Assert.Equal(("lao-cai", 71m, 73m, "B", 1), (change.GetProperty("unit").GetString(), change.GetProperty("before").GetProperty("total").GetDecimal(),
            change.GetProperty("after").GetProperty("total").GetDecimal(), change.GetProperty("after").GetProperty("classification").GetString(),
            change.GetProperty("after").GetProperty("rank").GetInt32()));
        var second = await CreatedAsync(await PublishAsync(publisher, "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn", correction));
        Assert.Equal((2, first.Id, "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn"), (second.Revision, second.Supersedes, second.Reason));
        Assert.Equal(["lao-cai"], second.ChangedUnits!);
        var corrected = JsonDocument.Parse((await host.OutboxAsync("ScoresPublished"))[1]).RootElement;
        Assert.Equal((2, 1, "lao-cai"), (corrected.GetProperty("revision").GetInt32(), corrected.GetProperty("supersedes").GetInt32(),
            corrected.GetProperty("changedUnits").EnumerateArray().Single().GetString()));

        var history = await publisher.GetFromJsonAsync<List<HistoryEntry>>("/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces", Ct);
        var month = Assert.Single(history!);
        Assert.Equal(("2026-01", 2, 73m, "B"), (month.Period, month.Revision, month.Total, month.Classification));
        var runs = await publisher.GetFromJsonAsync<List<RunView>>("/api/monthly-scoring/runs?period=2026-01&peerGroup=provinces", Ct);
        Assert.Equal(["superseded", "current"], runs!.Select(r => r.Status));
    }

    [Fact]
    public async Task Concurrent_publications_create_each_revision_at_most_once()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-concurrent");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var a = host.Client(MonthlyScoringHost.Publisher);
        using var b = host.Client(MonthlyScoringHost.Publisher);

        // Both publishers looked at the same preview; the second to get the lock finds revision 1 published with the same result.
        var seen = await Publishing.PreviewAsync(a);
        var firstRound = await Task.WhenAll(PublishAsync(a, "Công bố", seen), PublishAsync(b, "Công bố", seen));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], firstRound.Select(r => r.StatusCode).Order());
        await host.CorrectAsync("thanh-hoa", "E1.attended", 1);
        seen = await Publishing.PreviewAsync(b);
        var secondRound = await Task.WhenAll(PublishAsync(a, "Điều chỉnh E1", seen), PublishAsync(b, "Điều chỉnh E1", seen));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], secondRound.Select(r => r.StatusCode).Order());

        await using var db = host.Db();
        var revisions = await db.ScoreRuns.Where(r => r.Kind == ScoreRunKinds.Official).OrderBy(r => r.Revision).Select(r => r.Revision).ToListAsync(Ct);
        Assert.Equal([1, 2], revisions);
        Assert.Equal(2, (await host.OutboxAsync("ScoresPublished")).Count);
    }

    /// <summary>An outside system, with a plain AMQP client, subscribing exactly as docs/events.md describes.</summary>
    [Fact]
    public async Task An_outside_subscriber_bound_to_the_exchange_receives_the_published_scores()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "pub-subscriber");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        var factory = new ConnectionFactory { Uri = new Uri(host.Messaging) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        const string exchange = "Platform.Contracts:ScoresPublished";
        // What the operator does before an outside system binds (deploy/README.md): a durable fanout exchange.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Ct);
        await channel.QueueDeclareAsync("province-portal.scores", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync("province-portal.scores", exchange, "", cancellationToken: Ct);

        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        await CreatedAsync(await PublishAsync(publisher));

        var delivery = await Eventually.WaitForAsync(() => channel.BasicGetAsync("province-portal.scores", autoAck: false, Ct),
            d => d is not null, TimeSpan.FromSeconds(30), "ScoresPublished delivered to the outside queue");
        var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery!.Body.Span)).RootElement;
        Assert.Equal("urn:message:Platform.Contracts:ScoresPublished", envelope.GetProperty("messageType")[0].GetString());
        Assert.Equal(envelope.GetProperty("messageId").GetString(), delivery.BasicProperties.MessageId);
        var message = envelope.GetProperty("message");
        Assert.Equal(("national", "monthly-4585", "2026-01", "provinces", 1), (message.GetProperty("tenant").GetString(),
            message.GetProperty("frameworkId").GetString(), message.GetProperty("period").GetString(), message.GetProperty("peerGroup").GetString(),
            message.GetProperty("revision").GetInt32()));
        Assert.Equal(["lao-cai", "thanh-hoa"], message.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        // Decimals are JSON numbers on the wire, as docs/events.md shows (MassTransit would write strings by default).
        Assert.Equal((JsonValueKind.Number, 71m), (message.GetProperty("units")[0].GetProperty("total").ValueKind, message.GetProperty("units")[0].GetProperty("total").GetDecimal()));
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, Ct);
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string? reason = null, JsonElement? preview = null) =>
        Publishing.PublishAsync(client, reason, preview);

    private static async Task<RunView> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<RunView>(Ct))!;
    }
}
