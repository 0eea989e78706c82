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
    private static readonly Dictionary<string, object> LaoCai = new()
    {
        ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
        ["B.B1"] = 18, ["B.B2"] = 20, ["B.B3"] = 22, ["B.B4"] = 18, ["B.B5"] = 22,
        ["C1.records"] = 100, ["C2.transactions"] = 50, ["D1.accepted"] = 5, ["D1.total"] = 10, ["D2.rate"] = 0.5,
        ["E1.attended"] = 2, ["E1.held"] = 2, ["E2.speeches"] = 0, ["E2.reports"] = 1, ["E3.onTime"] = true, ["E3.completion"] = 1,
    };

    private static readonly Dictionary<string, object> ThanhHoa = new()
    {
        ["A.due"] = 20, ["A.backlog"] = 0, ["A.onTime"] = 20, ["A.late"] = 0,
        ["B.B1"] = 0, ["B.B2"] = 0, ["B.B3"] = 0, ["B.B4"] = 0, ["B.B5"] = 0,
        ["C1.records"] = 200, ["C2.transactions"] = 100, ["D1.accepted"] = 0, ["D1.total"] = 10, ["D2.rate"] = 0,
        ["E1.attended"] = 0, ["E1.held"] = 1, ["E2.speeches"] = 0, ["E2.reports"] = 0, ["E3.onTime"] = false, ["E3.completion"] = 0,
    };

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
        Assert.Contains("không thuộc \"lao-cai\"", Reason(records, foreignUnit));
        Assert.Contains("khác với tỉnh gửi \"lao-cai\"", Reason(records, otherTenant));
        await using (var db = intakeHost.Db())
        {
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == secondId, Ct));
        }

        // 4. The month closes at the centre; the publisher publishes the national ranking.
        await intakeHost.Services.GetRequiredService<IBus>().Publish(
            new PeriodClosed("national", Framework, Version, Period, "to-national", start.AddDays(-1), start), Ct);
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

    private static Dictionary<string, object> With(Dictionary<string, object> values, string key, object value) =>
        new(values) { [key] = value };

    private static SubmissionApproved Approval(string tenant, Guid submission, string unit, Dictionary<string, object> values, int revision, DateTimeOffset at) =>
        new(submission, tenant, Framework, Version, Period, unit, unit,
            values.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value)), false, "tham-dinh." + unit, revision, at);
}
