using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.PlatformHarness;
using Platform.TestSupport;
using RabbitMQ.Client;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform as AppHost starts it: units, approvals and the closed period travel as real events from intake
/// to monthly scoring, each on its own database, people doing their part through the gateway as the realm's demo users,
/// and the published scores reach an outside subscriber bound with a plain AMQP client as docs/events.md describes.
/// </summary>
public sealed class MonthlyScoresEndToEndTests(AspirePlatform platform)
{
    private const string Period = TestMonths.MonthlyScores;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What each agency of a province reports (intake's assignment table monthly-4585.csv), with Lào Cai's and Thanh Hóa's values.</summary>
    private static readonly (string Agency, string[] Keys)[] Agencies =
    [
        ("so-khcn", ["A.due", "A.backlog", "A.onTime", "A.late", "D1.accepted", "D1.total", "E3.onTime", "E3.completion"]),
        ("tt-pvhcc", ["B.B1", "B.B2", "B.B3", "B.B4", "B.B5"]),
        ("cong-an", ["C1.records"]),
        ("tt-cntt", ["C2.transactions"]),
        ("so-tc", ["D2.rate"]),
        ("vp-ubnd", ["E1.attended", "E1.held", "E2.speeches", "E2.reports"]),
    ];

    private static readonly Dictionary<string, Dictionary<string, object>> Values = new()
    {
        ["lao-cai"] = new()
        {
            ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
            ["B.B1"] = 18, ["B.B2"] = 20, ["B.B3"] = 22, ["B.B4"] = 18, ["B.B5"] = 22,
            ["C1.records"] = 100, ["C2.transactions"] = 50, ["D1.accepted"] = 5, ["D1.total"] = 10, ["D2.rate"] = 0.5,
            ["E1.attended"] = 2, ["E1.held"] = 2, ["E2.speeches"] = 0, ["E2.reports"] = 1, ["E3.onTime"] = true, ["E3.completion"] = 1,
        },
        ["thanh-hoa"] = new()
        {
            ["A.due"] = 20, ["A.backlog"] = 0, ["A.onTime"] = 20, ["A.late"] = 0,
            ["B.B1"] = 0, ["B.B2"] = 0, ["B.B3"] = 0, ["B.B4"] = 0, ["B.B5"] = 0,
            ["C1.records"] = 200, ["C2.transactions"] = 100, ["D1.accepted"] = 0, ["D1.total"] = 10, ["D2.rate"] = 0,
            ["E1.attended"] = 0, ["E1.held"] = 1, ["E2.speeches"] = 0, ["E2.reports"] = 0, ["E3.onTime"] = false, ["E3.completion"] = 0,
        },
    };

    [Fact]
    public async Task Approved_provincial_inputs_flow_from_intake_to_published_scores_received_by_an_outside_subscriber()
    {
        platform.SetNow(TestMonths.Open(Period));

        // 1. Intake seeds its unit directory at start; OrganisationUnitRegistered fills scoring's units. The national
        //    reviewer watches the month in scoring: both provinces are listed among the provinces, lacking their inputs.
        using var nationalReviewer = await GatewayBrowser.SignInAsync(platform, "tw-tham-dinh");
        await Eventually.WaitForAsync(() => ScoringInputsStatus.ReadAsync(nationalReviewer, Period), s => s.Lists("lao-cai", "thanh-hoa"), Wait,
            "lao-cai and thanh-hoa listed by scoring among the provinces");

        // 2. Every assigned agency of both provinces signs in, saves and submits its inputs for the province; the province's reviewer approves.
        foreach (var (province, values) in Values)
        {
            using var reviewer = await GatewayBrowser.SignInAsync(platform, $"{province}.reviewer");
            foreach (var (agency, keys) in Agencies)
            {
                using var reporter = await GatewayBrowser.SignInAsync(platform, $"{province}.{agency}.reporter");
                var draft = Read(await reporter.SendAsync(HttpMethod.Put, $"/api/intake/submissions/monthly-4585/{Period}/{province}",
                    JsonContent.Create(new { values = keys.ToDictionary(k => k, k => values[k]) }), GatewayBrowser.Csrf));
                var id = draft.GetProperty("id").GetGuid();
                Read(await reporter.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{id}/submit", null, GatewayBrowser.Csrf));
                var approved = Read(await reviewer.SendAsync(HttpMethod.Post, $"/api/intake/submissions/{id}/approve", null, GatewayBrowser.Csrf));
                Assert.Equal("approved", approved.GetProperty("state").GetString());
            }
        }
        var inputs = Values["lao-cai"].Keys.ToArray();
        await Eventually.WaitForAsync(() => ScoringInputsStatus.ReadAsync(nationalReviewer, Period),
            s => s.Has("lao-cai", inputs) && s.Has("thanh-hoa", inputs), Wait, "all 20 approved inputs of lao-cai and of thanh-hoa in scoring");

        // 3. Past the national deadline (before the 5th = up to 00:00 on the 5th, Vietnam time): intake's closer, which
        //    looks every second, closes the period at both levels. The national publisher signs in (now, on the moved
        //    clock) and waits until scoring's preview says the month is closed at national level.
        platform.SetNow(TestMonths.PastNationalDeadline(Period));
        using var publisher = await GatewayBrowser.SignInAsync(platform, "tw-cong-bo");
        await Eventually.WaitForAsync(async () => Read(await publisher.SendAsync(HttpMethod.Get, PreviewPath)).GetProperty("closed").GetBoolean(),
            closed => closed, Wait, "PeriodClosed (to-national) shown as closed in scoring's publication preview");

        // 4. An outside system binds its own queue to the event's exchange (declared first, as the operator step says).
        var factory = new ConnectionFactory { Uri = new Uri(await platform.ConnectionStringAsync("messaging")) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        const string exchange = "Platform.Contracts:ScoresPublished";
        const string queue = "province-portal.scores";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: Ct);

        // 5. The national publisher publishes the month for the provinces: first the preview (what will be published: 32
        //    provinces have not reported), then publishing exactly that.
        var preview = Read(await publisher.SendAsync(HttpMethod.Get, PreviewPath));
        Assert.Equal((1, 34, 32), (preview.GetProperty("revision").GetInt32(), preview.GetProperty("unitsInGroup").GetInt32(),
            preview.GetProperty("unitsNotReported").GetInt32()));
        var published = await publisher.SendAsync(HttpMethod.Post, "/api/monthly-scoring/publications", JsonContent.Create(new
        {
            period = Period, peerGroup = "provinces", fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true,
        }), GatewayBrowser.Csrf);
        Assert.True(published.Status == HttpStatusCode.Created, $"{(int)published.Status}: {published.Body}");

        var delivery = await Eventually.WaitForAsync(() => channel.BasicGetAsync(queue, autoAck: false, Ct),
            d => d is not null, Wait, "ScoresPublished delivered to the outside queue");
        var message = JsonDocument.Parse(Encoding.UTF8.GetString(delivery!.Body.Span)).RootElement.GetProperty("message");
        Assert.Equal(("national", "monthly-4585", Period, "provinces", 1), (message.GetProperty("tenant").GetString(),
            message.GetProperty("frameworkId").GetString(), message.GetProperty("period").GetString(),
            message.GetProperty("peerGroup").GetString(), message.GetProperty("revision").GetInt32()));
        var units = message.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Contains("lao-cai", units.Keys);
        Assert.Contains("thanh-hoa", units.Keys);

        // Worked out by hand from frameworks.md §1 for Lào Cai. Peer group provinces = the 34 provinces intake registered:
        // Lào Cai, Thanh Hóa and 32 that reported nothing (scored 0, flagged missing: they lower no best, since bests are maxima
        // and every reported value is ≥ 0).
        //   T = A.due + A.backlog = 10 + 0 = 10;  best T = 20 (Thanh Hóa: 20 + 0)
        //   A1 = onTime / T × 18 = 8/10 × 18 = 14.4
        //   A2 = late / T × 0.5 × 18 = 1/10 × 9 = 0.9
        //   A3 = T / best(T) × 2 = 10/20 × 2 = 1                                  → A = 16.3
        //   B  = (18 + 20 + 22 + 18 + 22) / 100 × 20 = 100/100 × 20 = 20
        //   C1 = records / best = 100/200 × 10 = 5  (best: Thanh Hóa 200)
        //   C2 = transactions / best = 50/100 × 10 = 5  (best: Thanh Hóa 100)     → C = 10
        //   D1 = accepted / total × 10 = 5/10 × 10 = 5;  D2 = 0.5 × 10 = 5       → D = 10
        //   E1 = 2/2 × 5 = 5;  E2 = 5 (one thematic report);  E3 = onTime, 1 × 5 = 5 → E = 15
        //   total = round(16.3 + 20 + 10 + 10 + 15 + 0 bonus) = round(71.3) = 71, class B (70–<85), rank 1
        //   (Thanh Hóa: A = 18 + 0 + 2 = 20, B = 0, C = 10 + 10 = 20, D = 0 + 0, E = 0 + 0 + 0 → 40, class D, rank 2.)
        var laoCai = units["lao-cai"];
        Assert.Equal((71m, 71.3m, "B", 1), (Number(laoCai.GetProperty("total")), Number(laoCai.GetProperty("unrounded")),
            laoCai.GetProperty("classification").GetString(), laoCai.GetProperty("rank").GetInt32()));
        Assert.Equal(1m, Number(laoCai.GetProperty("indicators").GetProperty("A3").GetProperty("score")));
        Assert.Equal(40m, Number(units["thanh-hoa"].GetProperty("total")));

        // A province that reported nothing is published too, as not reported ("chưa báo cáo"): its indicators flagged
        // missing, ranked after the two that reported (rank 3), never as a score among them.
        Assert.Equal(34, units.Count);
        var silent = units["ha-noi"];
        Assert.Equal((false, 3), (silent.GetProperty("reported").GetBoolean(), silent.GetProperty("rank").GetInt32()));
        Assert.True(laoCai.GetProperty("reported").GetBoolean());
        Assert.Contains("missing", silent.GetProperty("indicators").GetProperty("C1").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["lao-cai", "thanh-hoa"], message.GetProperty("units").EnumerateArray().Take(2).Select(u => u.GetProperty("unit").GetString()));
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, Ct);
    }

    /// <summary>A decimal of the event: a JSON number on the wire, as docs/events.md shows (not MassTransit's default string).</summary>
    private static decimal Number(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        return value.GetDecimal();
    }

    private static JsonElement Read(GatewayBrowser.Page page)
    {
        Assert.True((int)page.Status is >= 200 and < 300, $"{page.Url}: {(int)page.Status} {page.Body}");
        return JsonDocument.Parse(page.Body).RootElement.Clone();
    }

    private static string PreviewPath => $"/api/monthly-scoring/publications/preview?period={Period}&peerGroup=provinces";

}
