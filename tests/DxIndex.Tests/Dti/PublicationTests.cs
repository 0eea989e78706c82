extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using cli::Platform.Scoring.Cli;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Dti.Inputs;
using Platform.DxIndex.Dti.Runs;
using Platform.TestSupport;
using RabbitMQ.Client;

namespace Platform.DxIndex.Tests.Dti;

public sealed class PublicationTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_needs_the_closed_year_the_preview_fingerprint_and_the_acknowledged_missing_inputs_then_a_correction_needs_a_reason()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-publish");
        await host.SeedAsync(Example.Provinces);
        using var publisher = host.Client(DtiHost.Publisher);

        var preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.Equal((false, 1, 3, 2, 1, 2), (preview.GetProperty("closed").GetBoolean(), preview.GetProperty("revision").GetInt32(),
            preview.GetProperty("unitsInGroup").GetInt32(), preview.GetProperty("unitsReported").GetInt32(), preview.GetProperty("unitsNotReported").GetInt32(),
            preview.GetProperty("unitsIncomplete").GetInt32()));
        var missing = preview.GetProperty("missing").EnumerateArray().ToList();
        Assert.Equal(["cao-bang|Tỉnh Cao Bằng|False", "lao-cai|Tỉnh Lào Cai|True", "thanh-hoa|Tỉnh Thanh Hóa|True"],
            missing.Select(m => $"{m.GetProperty("unit").GetString()}|{m.GetProperty("name").GetString()}|{m.GetProperty("reported").GetBoolean()}"));
        Assert.Contains(missing[1].GetProperty("missing").EnumerateArray(), m => m.GetProperty("key").GetString() == "info.population"
            && m.GetProperty("label").GetString() == "Số lượng dân số");
        var early = await Post(publisher, preview, acknowledge: true);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Năm 2025 chưa chốt số liệu cấp trung ương", await DetailAsync(early));

        await host.CloseAsync();
        var problems = await publisher.PostAsJsonAsync("/api/dx-index/dti/2025/publications", new { acknowledgeMissing = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, problems.StatusCode);
        var errors = (await problems.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("Thiếu mã xác nhận", errors.GetProperty("fingerprint")[0].GetString());
        preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        var unacknowledged = await Post(publisher, preview, acknowledge: null);
        Assert.Equal(HttpStatusCode.BadRequest, unacknowledged.StatusCode);
        Assert.Equal("Còn 3/3 tỉnh, thành phố thiếu số liệu (1 tỉnh, thành phố chưa báo cáo); cần xác nhận công bố khi còn thiếu số liệu (acknowledgeMissing: true).",
            (await unacknowledged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("acknowledgeMissing")[0].GetString());

        var first = await Post(publisher, preview, acknowledge: true);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("revision").GetInt32());
        Assert.Single(await host.OutboxAsync("DxIndexPublished"));
        var official = await publisher.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.Equal(("official", 1, 53m), (official.GetProperty("kind").GetString(), official.GetProperty("revision").GetInt32(),
            official.GetProperty("results")[0].GetProperty("total").GetDecimal()));

        // Publishing the same again: nothing changed.
        var again = await Post(publisher, await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview"), acknowledge: true, reason: "Lặp lại");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Không có gì thay đổi", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());

        // A value approved after the preview: the fingerprint no longer matches.
        var seen = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        await using (var db = host.Db())
        {
            var row = await db.Set<DtiApprovedValue>().SingleAsync(v => v.Unit == "thanh-hoa" && v.InputKey == "2.1.issued", Ct);
            row.ValueJson = "true";
            await db.SaveChangesAsync(Ct);
        }
        var stale = await Post(publisher, seen, acknowledge: true, reason: "Sở KHCN Thanh Hóa bổ sung nghị quyết");
        Assert.Equal("Nội dung công bố đã thay đổi", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());

        var correction = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.True(correction.GetProperty("correctionNeeded").GetBoolean());
        // Thanh Hóa's 2.1 now issued: 50 + 10 = 60, first; Lào Cai keeps 53 and moves to second.
        Assert.Equal(["lao-cai|53 #1|53 #2", "thanh-hoa|50 #2|60 #1"], correction.GetProperty("changes").EnumerateArray().Select(c =>
            $"{c.GetProperty("unit").GetString()}|{Standing(c.GetProperty("before"))}|{Standing(c.GetProperty("after"))}"));
        var noReason = await Post(publisher, correction, acknowledge: true);
        Assert.Contains("cần nêu lý do", (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var second = await Post(publisher, correction, acknowledge: true, reason: "Sở KHCN Thanh Hóa bổ sung nghị quyết");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, "Sở KHCN Thanh Hóa bổ sung nghị quyết", "lao-cai,thanh-hoa"), (body.GetProperty("revision").GetInt32(),
            body.GetProperty("reason").GetString(), string.Join(",", body.GetProperty("changedUnits").EnumerateArray().Select(u => u.GetString()))));

        using var anonymous = host.Client(null);
        var published = await anonymous.GetJsonAsync("/api/dx-index/public/dti/2025");
        Assert.Equal((2, 2, "thanh-hoa", 60m), (published.GetProperty("revision").GetInt32(), published.GetProperty("revisions").GetArrayLength(),
            published.GetProperty("results")[0].GetProperty("unit").GetString(), published.GetProperty("results")[0].GetProperty("total").GetDecimal()));
        Assert.Equal(["2025"], (await anonymous.GetJsonAsync("/api/dx-index/public/dti/years")).EnumerateArray().Select(y => y.GetProperty("year").GetString()));
    }

    [Fact]
    public async Task Only_a_publisher_at_the_national_root_publishes_and_the_stored_revision_is_what_the_cli_prints_for_its_input()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-publish-cli");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var province = host.Client(DtiHost.LaoCaiPublisher);
        using var reviewer = host.Client(DtiHost.LaoCaiReviewer);
        using var publisher = host.Client(DtiHost.Publisher);
        var preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(province, preview, acknowledge: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(reviewer, preview, acknowledge: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/dx-index/dti/2025/publication/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(publisher, preview, acknowledge: true)).StatusCode);

        await using var db = host.Db();
        var run = await db.Set<DtiRun>().SingleAsync(Ct);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, run.InputJson, Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ScoreCommand.RunAsync(["--input", file], TextReader.Null, stdout, stderr);
        File.Delete(file);
        Assert.Equal((0, ""), (exit, stderr.ToString()));
        Assert.Equal(run.ResultJson, stdout.ToString());
    }

    [Fact]
    public async Task Illustrative_values_show_in_the_provisional_ranking_flagged_demo_and_never_enter_an_official_revision()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-publish-demo");
        await host.SeedAsync(Example.Provinces);
        await host.SeedAsync(new Dictionary<string, IReadOnlyDictionary<string, object>> { ["ha-noi"] = Platform.DxIndex.Dti.Demo.DemoDataSeeder.Values(0.9m) }, demo: true);
        await host.CloseAsync();
        using var publisher = host.Client(DtiHost.Publisher);

        var provisional = await publisher.GetJsonAsync("/api/dx-index/dti/2025/ranking?kind=provisional");
        Assert.True(provisional.GetProperty("demo").GetBoolean());
        var hanoi = provisional.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "ha-noi");
        Assert.Equal((true, true, 1), (hanoi.GetProperty("demo").GetBoolean(), hanoi.GetProperty("reported").GetBoolean(), hanoi.GetProperty("rank").GetInt32()));

        var preview = await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview");
        Assert.Equal(["Thành phố Hà Nội"], preview.GetProperty("demoExcluded").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, preview.GetProperty("unitsNotReported").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await Post(publisher, preview, acknowledge: true)).StatusCode);

        var official = await publisher.GetJsonAsync("/api/dx-index/dti/2025/ranking");
        Assert.False(official.GetProperty("demo").GetBoolean());
        var officialHanoi = official.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "ha-noi");
        Assert.Equal((false, false, JsonValueKind.Null), (officialHanoi.GetProperty("reported").GetBoolean(), officialHanoi.GetProperty("demo").GetBoolean(),
            officialHanoi.GetProperty("total").ValueKind));
        await using var db = host.Db();
        var run = await db.Set<DtiRun>().SingleAsync(Ct);
        var input = JsonDocument.Parse(run.InputJson).RootElement.GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unit").GetString() == "ha-noi");
        Assert.Empty(input.GetProperty("values").EnumerateObject());
        var outbox = Assert.Single(await host.OutboxAsync("DxIndexPublished"));
        var province = JsonDocument.Parse(outbox).RootElement.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("unit").GetString() == "ha-noi");
        Assert.False(province.GetProperty("reported").GetBoolean());
    }

    /// <summary>An outside system, with a plain AMQP client, subscribing exactly as docs/events.md describes.</summary>
    [Fact]
    public async Task An_outside_subscriber_bound_to_the_exchange_receives_the_published_index()
    {
        await using var host = await DtiHost.StartAsync(infrastructure, "dti-subscriber");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        var factory = new ConnectionFactory { Uri = new Uri(host.Messaging) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        const string exchange = "Platform.Contracts:DxIndexPublished";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Ct);
        await channel.QueueDeclareAsync("province-portal.dti", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync("province-portal.dti", exchange, "", cancellationToken: Ct);

        using var publisher = host.Client(DtiHost.Publisher);
        Assert.Equal(HttpStatusCode.Created, (await Post(publisher, await publisher.GetJsonAsync("/api/dx-index/dti/2025/publication/preview"), true)).StatusCode);

        var delivery = await Eventually.WaitForAsync(() => channel.BasicGetAsync("province-portal.dti", autoAck: false, Ct),
            d => d is not null, TimeSpan.FromSeconds(30), "DxIndexPublished delivered to the outside queue");
        var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery!.Body.Span)).RootElement;
        Assert.Equal("urn:message:Platform.Contracts:DxIndexPublished", envelope.GetProperty("messageType")[0].GetString());
        var message = envelope.GetProperty("message");
        Assert.Equal(("national", "dti-province-405", "405/QĐ-BKHCN (03/4/2025)", "2025", 1, JsonValueKind.Null), (message.GetProperty("tenant").GetString(),
            message.GetProperty("frameworkId").GetString(), message.GetProperty("frameworkVersion").GetString(), message.GetProperty("period").GetString(),
            message.GetProperty("revision").GetInt32(), message.GetProperty("supersedes").ValueKind));
        var provinces = message.GetProperty("provinces").EnumerateArray().ToList();
        Assert.Equal(["lao-cai", "thanh-hoa", "cao-bang"], provinces.Select(p => p.GetProperty("unit").GetString()));
        var laoCai = provinces[0];
        Assert.Equal((JsonValueKind.Number, 53m, 1, true), (laoCai.GetProperty("total").ValueKind, laoCai.GetProperty("total").GetDecimal(),
            laoCai.GetProperty("rank").GetInt32(), laoCai.GetProperty("reported").GetBoolean()));
        Assert.Equal((15m, 18m), (laoCai.GetProperty("pillars").GetProperty("1").GetDecimal(), laoCai.GetProperty("pillars").GetProperty("7").GetDecimal()));
        Assert.Equal((18m, 30m), (laoCai.GetProperty("indicators").GetProperty("7.5").GetProperty("score").GetDecimal(),
            laoCai.GetProperty("indicators").GetProperty("7.5").GetProperty("max").GetDecimal()));
        Assert.Equal((false, JsonValueKind.Null, JsonValueKind.Null), (provinces[2].GetProperty("reported").GetBoolean(),
            provinces[2].GetProperty("total").ValueKind, provinces[2].GetProperty("rank").ValueKind));
        Assert.Equal(["missing"], provinces[2].GetProperty("indicators").GetProperty("1.1").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, Ct);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, JsonElement preview, bool? acknowledge, string? reason = null) =>
        client.PostAsJsonAsync("/api/dx-index/dti/2025/publications",
            new { fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = acknowledge, reason }, Ct);

    private static string Standing(JsonElement s) => $"{s.GetProperty("total").GetDecimal():0} #{s.GetProperty("rank").GetInt32()}";

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
}
