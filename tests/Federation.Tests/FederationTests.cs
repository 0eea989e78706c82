extern alias intake;
extern alias scoring;

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;
using RabbitMQ.Client;
using Xunit;
using IntakeDb = intake::Platform.Intake.Data.IntakeDbContext;
using IntakeProgram = intake::Program;
using ScoringDb = scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext;
using ScoringProgram = scoring::Program;

namespace Platform.Federation.Tests;

/// <summary>
/// Lào Cai hosts its own platform; the centre hosts the national one. Two brokers (the centre's with an AMQPS listener),
/// the operator scripts of deploy/federation run against them, the link between them through a relay the test cuts, the
/// centre's intake (the gate) and monthly scoring. Lào Cai's side is its broker and a MassTransit publisher standing in
/// for its intake's outbox relay (the same exchange, envelope and message ids).
/// </summary>
public sealed class FederationTests(FederationWorld world)
{
    private const string Period = "2026-01";
    private const string Framework = "monthly-4585";
    private const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TestUser Publisher = new("cong-bo.bo-khcn", [PlatformRoles.Publisher], OrgUnit: "vn");
    private static readonly TestUser Admin = new("quan-tri.vn", [PlatformRoles.PlatformAdmin], OrgUnit: "vn");

    /// <summary>Lào Cai's values as hand-checked in the monthly scoring tests: total 71, class B, rank 1 beside Thanh Hóa's.</summary>
    private static readonly IReadOnlyDictionary<string, object> LaoCai = MonthlyExample.Provinces["lao-cai"];

    private static readonly IReadOnlyDictionary<string, object> ThanhHoa = MonthlyExample.Provinces["thanh-hoa"];

    [Fact]
    public async Task A_province_approval_reaches_the_national_ranking_exactly_once_across_a_cut_link_and_the_ranking_comes_back()
    {
        var intakeHost = world.Intake;
        using var admin = intakeHost.Client(Admin);
        var submission = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow;

        // The centre's own approval for Thanh Hóa (it is not self-hosted).
        await intakeHost.Services.GetRequiredService<IBus>().Publish(Approval("national", submission: Guid.NewGuid(), "thanh-hoa", ThanhHoa, 2, start), Ct);

        // 1. Lào Cai approves a first version (A.onTime 5); it crosses the link.
        var first = await world.PublishAtProvinceAsync(Approval("lao-cai", submission, "lao-cai", With(LaoCai, "A.onTime", 5), 2, start));
        await WaitForRecordsAsync(first);

        // 2. The link is cut; Lào Cai corrects and approves again, and forwards two messages the centre must refuse.
        world.Link.Cut();
        var second = Approval("lao-cai", submission, "lao-cai", LaoCai, 3, start.AddMinutes(5));
        var secondId = await world.PublishAtProvinceAsync(second);
        var foreignUnit = await world.PublishAtProvinceAsync(Approval("lao-cai", Guid.NewGuid(), "thanh-hoa", With(ThanhHoa, "A.onTime", 0), 4, start.AddMinutes(6)));
        var otherTenant = await world.PublishAtProvinceAsync(Approval("thanh-hoa", Guid.NewGuid(), "lao-cai", With(LaoCai, "A.onTime", 0), 9, start.AddMinutes(7)));
        // Nothing passes while the link is down: the approvals wait in Lào Cai's queue.
        var waiting = await Eventually.WaitForAsync(() => world.ProvinceQueueDepthAsync("federation.to-centre"), n => n >= 3, TimeSpan.FromSeconds(30),
            "the approvals waiting at the province during the cut");
        Assert.True(waiting >= 3);
        Assert.Equal(1, await CountRecordsAsync());

        // 3. The link comes back: everything waiting crosses. Then the same message is delivered again (a shovel that
        //    lost its confirm during an outage publishes it again with the same message id).
        world.Link.Restore();
        await WaitForRecordsAsync(first, secondId, foreignUnit, otherTenant);
        await world.PublishAtProvinceAsync(second, secondId);
        await world.PublishAtProvinceAsync(second, secondId);
        await Eventually.WaitForAsync(() => Task.FromResult(world.Gate.Count(secondId)), n => n >= 3, TimeSpan.FromSeconds(60),
            "the duplicates of the second approval consumed by the gate");

        // The gate's record: one line per message, the two foreign ones refused with their reasons, no duplicate.
        var records = await admin.GetFromJsonAsync<List<JsonElement>>("/api/intake/federation/messages?province=lao-cai", Ct);
        Assert.Equal(4, records!.Count);
        Assert.Equal(2, records.Count(r => r.GetProperty("accepted").GetBoolean()));
        Assert.All(records, r => Assert.False(r.GetProperty("afterClose").GetBoolean()));
        Assert.Contains("không thuộc \"lao-cai\"", Reason(records, foreignUnit));
        Assert.Contains("khác với tỉnh gửi \"lao-cai\"", Reason(records, otherTenant));
        await using (var db = intakeHost.Db())
        {
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == secondId, Ct));
        }

        // 4. The national deadline passes at the centre: its intake closes the month; the publisher publishes the ranking.
        intakeHost.Time.Advance(TimeSpan.FromDays(1));
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = world.Scoring.Db();
            return await db.ClosedPeriods.AnyAsync(c => c.Period == Period && c.Level == "to-national", Ct)
                && await db.ApprovedValues.CountAsync(v => v.Unit == "lao-cai" && v.SubmissionRevision == 3, Ct) == LaoCai.Count
                && await db.ApprovedValues.CountAsync(v => v.Unit == "thanh-hoa", Ct) == ThanhHoa.Count;
        }, ok => ok, TimeSpan.FromSeconds(60), "the month closed and both provinces' approvals at the centre's monthly scoring");
        await using (var db = world.Scoring.Db())
        {
            // Only the centre's tenant: the province's own tenant never reaches scoring; Thanh Hóa's values are the centre's.
            Assert.Empty(await db.ApprovedValues.Where(v => v.Tenant != "national").ToListAsync(Ct));
            Assert.Equal("20", (await db.ApprovedValues.SingleAsync(v => v.Unit == "thanh-hoa" && v.InputKey == "A.onTime", Ct)).ValueJson);
        }

        using var publisher = world.Scoring.Client(Publisher);
        var preview = await publisher.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/publications/preview?period={Period}&peerGroup=provinces", Ct);
        var published = await publisher.PostAsJsonAsync("/api/monthly-scoring/publications", new
        {
            period = Period, peerGroup = "provinces", reason = (string?)null, fingerprint = preview.GetProperty("fingerprint").GetString(), acknowledgeMissing = true,
        }, Ct);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync(Ct));
        var run = await published.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var results = await publisher.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/runs/{run.GetProperty("id").GetGuid()}/results", Ct);
        var laoCai = Assert.Single(results.GetProperty("results").EnumerateArray(), r => r.GetProperty("unit").GetString() == "lao-cai");
        Assert.Equal((71m, "B", 1), (laoCai.GetProperty("total").GetDecimal(), laoCai.GetProperty("classification").GetString(), laoCai.GetProperty("rank").GetInt32()));

        // 5. The national ranking comes back to Lào Cai's broker, on its own ScoresPublished exchange.
        var envelope = await world.ReceiveAtProvinceAsync("test.scores-published");
        Assert.Equal("urn:message:Platform.Contracts:ScoresPublished", envelope.GetProperty("messageType")[0].GetString());
        var message = envelope.GetProperty("message");
        Assert.Equal(("national", Period, "provinces"), (message.GetProperty("tenant").GetString(), message.GetProperty("period").GetString(),
            message.GetProperty("peerGroup").GetString()));
        var returned = Assert.Single(message.GetProperty("units").EnumerateArray(), u => u.GetProperty("unit").GetString() == "lao-cai");
        Assert.Equal(71m, returned.GetProperty("total").GetDecimal());

        // 6. A correction Lào Cai approves after the centre closed the month is taken in, marked, and waits for a
        //    correction revision: the published ranking stays as it is (docs/events.md, Federation).
        var late = await world.PublishAtProvinceAsync(Approval("lao-cai", submission, "lao-cai", With(LaoCai, "A.onTime", 9), 4, start.AddMinutes(30)));
        await WaitForRecordsAsync(late);
        records = await admin.GetFromJsonAsync<List<JsonElement>>("/api/intake/federation/messages?province=lao-cai&accepted=true", Ct);
        var lateRecord = Assert.Single(records!, r => r.GetProperty("messageId").GetGuid() == late);
        Assert.True(lateRecord.GetProperty("afterClose").GetBoolean());
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = world.Scoring.Db();
            return await db.ApprovedValues.CountAsync(v => v.Unit == "lao-cai" && v.SubmissionRevision == 4, Ct);
        }, n => n == LaoCai.Count, TimeSpan.FromSeconds(60), "the late correction at monthly scoring");
        var correction = await publisher.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/publications/preview?period={Period}&peerGroup=provinces", Ct);
        Assert.True(correction.GetProperty("correctionNeeded").GetBoolean());
        var change = Assert.Single(correction.GetProperty("changes").EnumerateArray());
        Assert.Equal(("lao-cai", 71m, 73m), (change.GetProperty("unit").GetString(), change.GetProperty("before").GetProperty("total").GetDecimal(),
            change.GetProperty("after").GetProperty("total").GetDecimal()));

        // The operator's view of the link at the province: the four shovels running.
        var (code, status) = await FederationWorld.TryScriptAsync("status.sh", world.ProvinceBroker, []);
        Assert.True(code == 0, status);
        Assert.Contains("federation-to-centre\trunning", status);
        Assert.Contains("federation-from-centre-ScoresPublished\trunning", status);
    }

    /// <summary>Lào Cai's broker credentials at the centre reach only Lào Cai's own queues: not another province's, and no new ones.</summary>
    [Fact]
    public async Task A_provinces_credentials_cannot_write_to_or_read_another_provinces_queues_nor_declare_any()
    {
        var (code, output) = await FederationWorld.TryScriptAsync("centre-add-province.sh", world.Centre,
            new() { ["PROVINCE_AMQP_PASSWORD"] = "p-" + Guid.NewGuid().ToString("N") }, province: "thanh-hoa");
        Assert.True(code == 0, output);
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = world.Centre.Port, VirtualHost = FederationWorld.VirtualHost,
            UserName = "province." + FederationWorld.Province, Password = world.ProvincePassword,
        };
        await using var connection = await factory.CreateConnectionAsync(Ct);

        await RefusedAsync(connection, async channel =>
        {
            await channel.BasicPublishAsync("federation.from.thanh-hoa", "", mandatory: false, new BasicProperties(), "{}"u8.ToArray(), Ct);
            await channel.QueueDeclarePassiveAsync("federation.from.thanh-hoa", Ct);
        });
        await RefusedAsync(connection, channel => channel.BasicGetAsync("federation.to.thanh-hoa.ScoresPublished", autoAck: false, Ct));
        await RefusedAsync(connection, channel => channel.BasicGetAsync("federation.from.lao-cai", autoAck: false, Ct));
        await RefusedAsync(connection, channel => channel.QueueDeclareAsync("lao-cai.own-queue", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct));
        // What it may do: read its own results.
        await using var own = await connection.CreateChannelAsync(cancellationToken: Ct);
        Assert.Null(await own.BasicGetAsync("federation.to.lao-cai.DxIndexPublished", autoAck: false, Ct));
    }

    /// <summary>verify_peer: a province that does not trust the centre's CA never connects (and never sends its password).</summary>
    [Fact]
    public async Task A_province_trusting_another_certificate_authority_does_not_connect_to_the_centre()
    {
        await world.ProvinceBroker.AddVirtualHostAsync("wrong-ca", Ct);
        var other = Certificates.Write(Path.Combine(world.Root, "other-ca"));
        var (code, output) = await FederationWorld.TryScriptAsync("province-link.sh", world.ProvinceBroker, new()
        {
            ["RABBITMQ_VHOST"] = "wrong-ca", ["CENTRE_VHOST"] = FederationWorld.VirtualHost, ["PROVINCE_AMQP_PASSWORD"] = world.ProvincePassword,
            ["CENTRE_HOST"] = Certificates.CentreHost, ["CENTRE_ADDRESS"] = $"127.0.0.1:{world.Link.Port}", ["CENTRE_CA_FILE"] = other.CaFile,
            ["RECONNECT_DELAY"] = "1",
        });
        Assert.True(code == 0, output);
        // The TLS handshake fails on the province's side; the centre logs the province's alert.
        await Eventually.WaitForAsync(() => Task.FromResult(BrokerLog(world.Centre.Directory)),
            log => log.Contains("Unknown CA", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(60),
            "the centre's broker logging the province's 'Unknown CA' alert");
        Assert.DoesNotContain("\"running\"", await world.ShovelAsync("wrong-ca", "federation-to-centre"));
    }

    private static string BrokerLog(string directory) =>
        string.Concat(Directory.GetFiles(Path.Combine(directory, "log"), "*.log").Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));

    [Fact]
    public async Task The_scripts_refuse_an_unset_or_placeholder_password_and_a_malformed_province_code()
    {
        var (code, output) = await FederationWorld.TryScriptAsync("centre-add-province.sh", world.Centre, new() { ["PROVINCE_AMQP_PASSWORD"] = "CHANGE-ME" });
        Assert.Equal(2, code);
        Assert.Contains("PROVINCE_AMQP_PASSWORD", output);
        (code, output) = await FederationWorld.TryScriptAsync("province-link.sh", world.ProvinceBroker, new() { ["PROVINCE_AMQP_PASSWORD"] = "x" });
        Assert.Equal(2, code);
        Assert.Contains("CENTRE_HOST", output);
        (code, output) = await FederationWorld.TryScriptAsync("centre-add-province.sh", world.Centre, new() { ["PROVINCE_AMQP_PASSWORD"] = "x" }, province: "Lao Cai");
        Assert.Equal(2, code);
        Assert.Contains("not a province unit code", output);
    }

    private static async Task RefusedAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var refused = await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(() => action(channel));
        Assert.Equal((ushort)403, refused.ShutdownReason?.ReplyCode ?? 0);
    }

    private static string Reason(List<JsonElement> records, Guid messageId) =>
        records.Single(r => r.GetProperty("messageId").GetGuid() == messageId).GetProperty("reason").GetString()!;

    private async Task<int> CountRecordsAsync()
    {
        await using var db = world.Intake.Db();
        return await db.FederatedMessages.CountAsync(Ct);
    }

    private async Task WaitForRecordsAsync(params Guid[] messageIds) =>
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = world.Intake.Db();
            return await db.FederatedMessages.CountAsync(m => messageIds.Contains(m.MessageId), Ct);
        }, n => n == messageIds.Length, TimeSpan.FromSeconds(90), $"{messageIds.Length} message(s) recorded by the centre's gate");

    private static Dictionary<string, object> With(IReadOnlyDictionary<string, object> values, string key, object value) =>
        new(values) { [key] = value };

    private static SubmissionApproved Approval(string tenant, Guid submission, string unit, IReadOnlyDictionary<string, object> values, int revision, DateTimeOffset at) =>
        new(submission, tenant, Framework, Version, Period, unit, unit,
            values.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value)), false, "tham-dinh." + unit, revision, at);
}
