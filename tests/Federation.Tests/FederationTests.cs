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
/// centre's intake (the gate) and monthly scoring. Lào Cai's side is its broker and its own intake (tenant <c>lao-cai</c>):
/// its departments report and its reviewer approves over HTTP; the approvals leave through its outbox. What a real intake
/// never sends (duplicates, foreign units, another tenant, a revision of an approved submission) is published raw on
/// Lào Cai's broker, as its outbox relay would (the same exchange, envelope and message ids).
/// </summary>
public sealed class FederationTests(FederationWorld world)
{
    private const string Period = "2026-01";
    private const string Framework = "monthly-4585";
    private const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TestUser Publisher = new("cong-bo.bo-khcn", [PlatformRoles.Publisher], OrgUnit: "vn");
    private static readonly TestUser Admin = new("quan-tri.vn", [PlatformRoles.PlatformAdmin], OrgUnit: "vn");
    private static readonly TestUser ProvinceReviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");

    /// <summary>Which of Lào Cai's departments reports which indicators of monthly-4585 for the province (src/Intake/Assignments/Data/monthly-4585.csv).</summary>
    private static readonly Dictionary<string, string[]> Departments = new()
    {
        ["lao-cai.tt-pvhcc"] = ["B"], ["lao-cai.cong-an"] = ["C1"], ["lao-cai.tt-cntt"] = ["C2"], ["lao-cai.so-tc"] = ["D2"],
        ["lao-cai.vp-ubnd"] = ["E1", "E2"], [ScienceDepartment] = ["A", "D1", "E3"],
    };

    private const string ScienceDepartment = "lao-cai.so-khcn";

    /// <summary>Lào Cai's values as hand-checked in the monthly scoring tests: total 71, class B, rank 1 beside Thanh Hóa's.</summary>
    private static readonly Dictionary<string, object> LaoCai = MonthlyExample.Provinces["lao-cai"].ToDictionary();

    private static readonly Dictionary<string, object> ThanhHoa = MonthlyExample.Provinces["thanh-hoa"].ToDictionary();

    [Fact]
    public async Task A_province_approval_reaches_the_national_ranking_exactly_once_across_a_cut_link_and_the_ranking_comes_back()
    {
        var intakeHost = world.Intake;
        using var admin = intakeHost.Client(Admin);
        var start = DateTimeOffset.UtcNow;

        // The centre's own approval for Thanh Hóa (it is not self-hosted).
        await intakeHost.Services.GetRequiredService<IBus>().Publish(Approval("national", submission: Guid.NewGuid(), "thanh-hoa", ThanhHoa, 2, start), Ct);

        // 1. At Lào Cai's own intake, five departments report their part of the province's month and the province's
        //    reviewer approves each; Sở KH&CN's report (A, D1, E3) is returned: its on-time count is wrong. The five
        //    approvals leave through the province intake's outbox and cross the link.
        var parts = new List<Guid>();
        foreach (var department in Departments.Keys.Where(d => d != ScienceDepartment))
        {
            var submitted = await SubmitAtProvinceAsync(department, Part(LaoCai, department));
            parts.Add((await ReviewAtProvinceAsync(submitted, "approve")).GetProperty("id").GetGuid());
        }
        var science = await SubmitAtProvinceAsync(ScienceDepartment, Part(With(LaoCai, "A.onTime", 5), ScienceDepartment));
        var sentBack = await ReviewAtProvinceAsync(science, "return", new { reason = "Số nhiệm vụ hoàn thành đúng hạn chưa khớp Hệ thống 57" });
        Assert.Equal("returned", sentBack.GetProperty("state").GetString());
        await WaitForApprovalsAsync(parts.ToArray());

        // 2. The link is cut. Sở KH&CN corrects, submits again, and the reviewer approves: the approval waits at the
        //    province. Two messages Lào Cai's intake could never produce (another province's unit, another tenant) stand
        //    in for a misconfigured or hostile province: published raw on its broker, as its outbox relay would.
        world.Link.Cut();
        var corrected = await SubmitAtProvinceAsync(ScienceDepartment, Part(LaoCai, ScienceDepartment), sentBack);
        var approved = await ReviewAtProvinceAsync(corrected, "approve");
        var submission = approved.GetProperty("id").GetGuid();
        var (secondId, second) = await ProvinceOutboxApprovalAsync(submission);
        Assert.Equal((approved.GetProperty("version").GetInt32(), "lao-cai", "lao-cai.so-khcn", "lao-cai"),
            (second.Revision, second.Tenant, second.ReportingUnit, second.TargetUnit));
        var foreignUnit = await world.PublishAtProvinceAsync(Approval("lao-cai", Guid.NewGuid(), "thanh-hoa", With(ThanhHoa, "A.onTime", 0), 4, start.AddMinutes(6)));
        var otherTenant = await world.PublishAtProvinceAsync(Approval("thanh-hoa", Guid.NewGuid(), "lao-cai", With(LaoCai, "A.onTime", 0), 9, start.AddMinutes(7)));
        // Nothing passes while the link is down: the approvals wait in Lào Cai's queue.
        var waiting = await Eventually.WaitForAsync(() => world.ProvinceQueueDepthAsync("federation.to-centre"), n => n >= 3, TimeSpan.FromSeconds(30),
            "the approvals waiting at the province during the cut");
        Assert.True(waiting >= 3);
        Assert.Equal(parts.Count, await CountRecordsAsync());

        // 3. The link comes back: everything waiting crosses. Then the same message is delivered again (a shovel that
        //    lost its confirm during an outage publishes it again with the same message id).
        world.Link.Restore();
        await WaitForRecordsAsync(secondId, foreignUnit, otherTenant);
        await world.PublishAtProvinceAsync(second, secondId);
        await world.PublishAtProvinceAsync(second, secondId);
        await Eventually.WaitForAsync(() => Task.FromResult(world.Gate.Count(secondId)), n => n >= 3, TimeSpan.FromSeconds(60),
            "the duplicates of the second approval consumed by the gate");

        // The gate's record: one line per message, the two foreign ones refused with their reasons, no duplicate.
        var records = await admin.GetFromJsonAsync<List<JsonElement>>("/api/intake/federation/messages?province=lao-cai", Ct);
        Assert.Equal(Departments.Count + 2, records!.Count);
        Assert.Equal(Departments.Count, records.Count(r => r.GetProperty("accepted").GetBoolean()));
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
                && await db.ApprovedValues.CountAsync(v => v.Unit == "lao-cai", Ct) == LaoCai.Count
                && await db.ApprovedValues.CountAsync(v => v.Unit == "thanh-hoa", Ct) == ThanhHoa.Count;
        }, ok => ok, TimeSpan.FromSeconds(60), "the month closed and both provinces' approvals at the centre's monthly scoring");
        await using (var db = world.Scoring.Db())
        {
            // Only the centre's tenant: the province's own tenant never reaches scoring; Thanh Hóa's values are the centre's.
            Assert.Empty(await db.ApprovedValues.Where(v => v.Tenant != "national").ToListAsync(Ct));
            Assert.Equal("20", (await db.ApprovedValues.SingleAsync(v => v.Unit == "thanh-hoa" && v.InputKey == "A.onTime", Ct)).ValueJson);
            // Lào Cai's corrected value, from the approval that crossed once.
            Assert.Equal("8", (await db.ApprovedValues.SingleAsync(v => v.Unit == "lao-cai" && v.InputKey == "A.onTime", Ct)).ValueJson);
            Assert.Equal(second.Revision, (await db.ApprovedValues.SingleAsync(v => v.Unit == "lao-cai" && v.InputKey == "A.onTime", Ct)).SubmissionRevision);
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
        // Lào Cai's intake does not consume the centre's ScoresPublished: on its broker the exchange feeds only this test's
        // queue, and the intake's bus stays healthy.
        Assert.Equal(["test.scores-published"], await world.ProvinceBindingsAsync("Platform.Contracts:ScoresPublished"));
        Assert.Equal(BusHealthStatus.Healthy, world.ProvinceIntake.Services.GetRequiredService<IBusControl>().CheckHealth().Status);

        // 6. A correction Lào Cai approves after the centre closed the month is taken in, marked, and waits for a
        //    correction revision: the published ranking stays as it is (docs/events.md, Federation). Intake keeps an
        //    approved submission as it is (no API edits it again), so the later revision of the same submission is
        //    published raw on Lào Cai's broker, as its outbox relay would publish it.
        var late = await world.PublishAtProvinceAsync(second with
        {
            Values = Values(Part(With(LaoCai, "A.onTime", 9), ScienceDepartment)), Revision = second.Revision + 1, OccurredAt = second.OccurredAt.AddMinutes(30),
        });
        await WaitForRecordsAsync(late);
        records = await admin.GetFromJsonAsync<List<JsonElement>>("/api/intake/federation/messages?province=lao-cai&accepted=true", Ct);
        var lateRecord = Assert.Single(records!, r => r.GetProperty("messageId").GetGuid() == late);
        Assert.True(lateRecord.GetProperty("afterClose").GetBoolean());
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = world.Scoring.Db();
            return await db.ApprovedValues.CountAsync(v => v.Unit == "lao-cai" && v.SubmissionId == submission && v.SubmissionRevision == second.Revision + 1, Ct);
        }, n => n == Part(LaoCai, ScienceDepartment).Count, TimeSpan.FromSeconds(60), "the late correction at monthly scoring");
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

    /// <summary>Sends Lào Cai's share of <paramref name="department"/> for the province and submits it, as its reporter does at
    /// Lào Cai's intake (a new draft, or the correction of <paramref name="returned"/>).</summary>
    private async Task<JsonElement> SubmitAtProvinceAsync(string department, Dictionary<string, object> values, JsonElement? returned = null)
    {
        using var reporter = world.ProvinceIntake.Client(new TestUser("bao-cao." + department, [PlatformRoles.Reporter], OrgUnit: department));
        var save = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/submissions/{Framework}/{Period}/{FederationWorld.Province}")
        {
            Content = JsonContent.Create(new { values, comments = (string?)null }),
        };
        if (returned is { } r) save.Headers.TryAddWithoutValidation("If-Match", $"\"{r.GetProperty("version").GetInt32()}\"");
        var draft = await SuccessAsync(await reporter.SendAsync(save, Ct));
        return await SuccessAsync(await reporter.PostAsync($"/api/intake/submissions/{draft.GetProperty("id").GetGuid()}/submit", null, Ct));
    }

    /// <summary>Lào Cai's reviewer approves or returns a submitted report at Lào Cai's intake.</summary>
    private async Task<JsonElement> ReviewAtProvinceAsync(JsonElement submitted, string action, object? body = null)
    {
        using var reviewer = world.ProvinceIntake.Client(ProvinceReviewer);
        return await SuccessAsync(await reviewer.PostAsync($"/api/intake/submissions/{submitted.GetProperty("id").GetGuid()}/{action}",
            body is null ? null : JsonContent.Create(body), Ct));
    }

    private static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The approval of <paramref name="submission"/> in Lào Cai's intake's outbox, with the message id its relay publishes it under.</summary>
    private async Task<(Guid MessageId, SubmissionApproved Message)> ProvinceOutboxApprovalAsync(Guid submission)
    {
        await using var db = world.ProvinceIntake.Db();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith("Platform.Contracts." + nameof(SubmissionApproved) + ",")).ToListAsync(Ct);
        return rows.Select(r => (r.Id, JsonSerializer.Deserialize<SubmissionApproved>(r.Body, JsonSerializerOptions.Web)!))
            .Single(a => a.Item2.SubmissionId == submission);
    }

    private async Task WaitForApprovalsAsync(params Guid[] submissions) =>
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = world.Intake.Db();
            return await db.FederatedMessages.CountAsync(m => submissions.Contains(m.SubmissionId) && m.Accepted, Ct);
        }, n => n == submissions.Length, TimeSpan.FromSeconds(90), $"{submissions.Length} approval(s) from Lào Cai's intake accepted by the centre's gate");

    /// <summary>The inputs of <paramref name="values"/> that <paramref name="department"/> reports for the province.</summary>
    private static Dictionary<string, object> Part(Dictionary<string, object> values, string department) =>
        values.Where(kv => Departments[department].Contains(kv.Key[..kv.Key.IndexOf('.')])).ToDictionary();

    private static Dictionary<string, object> With(Dictionary<string, object> values, string key, object value) =>
        new(values) { [key] = value };

    private static SubmissionApproved Approval(string tenant, Guid submission, string unit, Dictionary<string, object> values, int revision, DateTimeOffset at) =>
        new(submission, tenant, Framework, Version, Period, unit, unit, Values(values), false, "tham-dinh." + unit, revision, at);

    private static Dictionary<string, JsonElement> Values(Dictionary<string, object> values) =>
        values.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
}
