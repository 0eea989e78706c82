using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.TestSupport;

namespace Platform.MonthlyScoring.Tests.Publication;

/// <summary>Publishing is confirming a preview: what is missing, the revision, the recipients; a stale preview is refused.</summary>
public sealed class ConfirmationTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preview_names_the_missing_units_and_inputs_the_revision_and_the_recipients()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "confirm-preview");
        await host.SeedAsync(Example.WithSilentProvince);
        // Thanh Hóa reported all but two inputs; Hà Giang nothing at all.
        await using (var db = host.Db())
        {
            await db.ApprovedValues.Where(v => v.Unit == "thanh-hoa" && (v.InputKey == "C1.records" || v.InputKey == "D2.rate")).ExecuteDeleteAsync(Ct);
            await db.Units.Where(u => u.Code == "ha-giang").ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Tỉnh Hà Giang"), Ct);
        }
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);

        var preview = await Publishing.PreviewAsync(publisher);

        Assert.Equal((true, 1, JsonValueKind.Null), (preview.GetProperty("closed").GetBoolean(), preview.GetProperty("revision").GetInt32(),
            preview.GetProperty("current").ValueKind));
        Assert.Equal((3, 2, 1, 1), (preview.GetProperty("unitsInGroup").GetInt32(), preview.GetProperty("unitsReported").GetInt32(),
            preview.GetProperty("unitsNotReported").GetInt32(), preview.GetProperty("unitsIncomplete").GetInt32()));
        var missing = preview.GetProperty("missing").EnumerateArray().ToList();
        // Units that have not reported come first, each with every input by its label.
        Assert.Equal(["ha-giang", "thanh-hoa"], missing.Select(m => m.GetProperty("unit").GetString()));
        Assert.Equal(("Tỉnh Hà Giang", false, 20), (missing[0].GetProperty("name").GetString(), missing[0].GetProperty("reported").GetBoolean(),
            missing[0].GetProperty("missing").GetArrayLength()));
        Assert.True(missing[1].GetProperty("reported").GetBoolean());
        Assert.Equal(["C1.records", "D2.rate"], missing[1].GetProperty("missing").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.All(missing[1].GetProperty("missing").EnumerateArray(), i => Assert.NotEqual(i.GetProperty("key").GetString(), i.GetProperty("label").GetString()));
        var recipients = preview.GetProperty("recipients").EnumerateArray().ToList();
        Assert.Equal(["public-page", "event"], recipients.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("Trang kết quả công khai", recipients[0].GetProperty("name").GetString());
        Assert.Equal("Các hệ thống thông tin đăng ký nhận kết quả chấm điểm", recipients[1].GetProperty("name").GetString());
        // Told in words a publisher reads: no exchange names or configuration keys.
        Assert.All(recipients, r => Assert.DoesNotMatch("ScoresPublished|exchange|MonthlyScoring:|/api/", r.GetProperty("detail").GetString()!));
        Assert.Matches("^[0-9a-f]{64}$", preview.GetProperty("fingerprint").GetString());
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("changes").ValueKind);
    }

    [Fact]
    public async Task Publishing_without_the_fingerprint_or_without_acknowledging_missing_data_is_refused_naming_the_field()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "confirm-ack");
        await host.SeedAsync(Example.WithSilentProvince);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var preview = await Publishing.PreviewAsync(publisher);

        var blind = await Publishing.Post(publisher, null, fingerprint: null, acknowledgeMissing: true);
        var unacknowledged = await Publishing.PublishAsync(publisher, preview: preview, acknowledgeMissing: null);
        var declined = await Publishing.PublishAsync(publisher, preview: preview, acknowledgeMissing: false);

        Assert.Equal(HttpStatusCode.BadRequest, blind.StatusCode);
        var noFingerprint = await Publishing.ProblemAsync(blind);
        Assert.Equal("Dữ liệu không hợp lệ", noFingerprint.GetProperty("title").GetString());
        Assert.Contains("xem trước", noFingerprint.GetProperty("errors").GetProperty("fingerprint")[0].GetString());
        foreach (var refused in new[] { unacknowledged, declined })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("Còn 1/3 đơn vị thiếu số liệu (1 đơn vị chưa báo cáo); cần xác nhận công bố khi còn thiếu số liệu (acknowledgeMissing: true).",
                (await Publishing.ProblemAsync(refused)).GetProperty("errors").GetProperty("acknowledgeMissing")[0].GetString());
        }
        await using (var db = host.Db())
            Assert.False(await db.ScoreRuns.AnyAsync(Ct));
        Assert.Empty(await host.OutboxAsync("ScoresPublished"));

        var published = await Publishing.PublishAsync(publisher, preview: preview, acknowledgeMissing: true);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    [Fact]
    public async Task A_preview_overtaken_by_a_new_approval_is_refused_with_409_and_publishes_nothing()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "confirm-stale");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var seen = await Publishing.PreviewAsync(publisher);

        await host.CorrectAsync("lao-cai", "A.onTime", 9);
        var stale = await Publishing.PublishAsync(publisher, preview: seen);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await Publishing.ProblemAsync(stale);
        Assert.Equal("Nội dung công bố đã thay đổi", problem.GetProperty("title").GetString());
        Assert.Contains("Hãy xem lại nội dung công bố", problem.GetProperty("detail").GetString());
        await using (var db = host.Db())
            Assert.False(await db.ScoreRuns.AnyAsync(Ct));
        Assert.Empty(await host.OutboxAsync("ScoresPublished"));

        var again = await Publishing.PreviewAsync(publisher);
        Assert.NotEqual(seen.GetProperty("fingerprint").GetString(), again.GetProperty("fingerprint").GetString());
        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher, preview: again)).StatusCode);
    }

    [Fact]
    public async Task A_unit_that_did_not_report_is_not_ranked_as_zero_in_results_public_results_history_or_the_event()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "confirm-silent");
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        var runId = (await Publishing.FirstRevisionAsync(host, publisher, Example.WithSilentProvince)).Id;
        using var anonymous = host.Client(null);

        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces", Ct);
        var results = await publisher.GetFromJsonAsync<JsonElement>($"/api/monthly-scoring/runs/{runId}/results", Ct);
        var history = await publisher.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/units/ha-giang/history?peerGroup=provinces", Ct);
        var message = JsonDocument.Parse(Assert.Single(await host.OutboxAsync("ScoresPublished"))).RootElement;

        // Lào Cai 71 (rank 1) and Thanh Hóa 40 (rank 2) are ranked; Hà Giang follows them, without total, class or rank.
        Assert.Equal(1, published.GetProperty("notReported").GetInt32());
        foreach (var lines in new[] { published.GetProperty("results"), results.GetProperty("results") })
        {
            Assert.Equal(["lao-cai", "thanh-hoa", "ha-giang"], lines.EnumerateArray().Select(l => l.GetProperty("unit").GetString()));
            var silent = lines[2];
            Assert.Equal((false, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (silent.GetProperty("reported").GetBoolean(),
                silent.GetProperty("total").ValueKind, silent.GetProperty("classification").ValueKind, silent.GetProperty("rank").ValueKind));
            Assert.Equal((true, 2), (lines[1].GetProperty("reported").GetBoolean(), lines[1].GetProperty("rank").GetInt32()));
        }
        var month = Assert.Single(history.EnumerateArray());
        Assert.Equal((false, JsonValueKind.Null, JsonValueKind.Null), (month.GetProperty("reported").GetBoolean(),
            month.GetProperty("total").ValueKind, month.GetProperty("rank").ValueKind));
        // The event keeps its types (additive change): reported false, the rank after every reported unit, indicators flagged missing.
        var units = message.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["lao-cai", "thanh-hoa", "ha-giang"], units.Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal((true, 1), (units[0].GetProperty("reported").GetBoolean(), units[0].GetProperty("rank").GetInt32()));
        Assert.Equal((false, 3), (units[2].GetProperty("reported").GetBoolean(), units[2].GetProperty("rank").GetInt32()));
        Assert.All(units[2].GetProperty("indicators").EnumerateObject(), i => Assert.Contains("missing", i.Value.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));
    }

    [Fact]
    public async Task The_public_results_carry_the_reason_of_every_correction()
    {
        await using var host = await MonthlyScoringHost.StartAsync(infrastructure, "confirm-reason");
        await host.SeedAsync(Example.Provinces);
        await host.CloseAsync();
        using var publisher = host.Client(MonthlyScoringHost.Publisher);
        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher)).StatusCode);
        await host.CorrectAsync("lao-cai", "A.onTime", 9);
        Assert.Equal(HttpStatusCode.Created, (await Publishing.PublishAsync(publisher, "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn")).StatusCode);
        using var anonymous = host.Client(null);

        var results = await anonymous.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/public/results?period=2026-01&peerGroup=provinces", Ct);
        var periods = await anonymous.GetFromJsonAsync<JsonElement>("/api/monthly-scoring/public/periods", Ct);

        Assert.Equal((2, "Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn"), (results.GetProperty("revision").GetInt32(), results.GetProperty("reason").GetString()));
        var revisions = results.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([2, 1], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(("Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn", JsonValueKind.Null),
            (revisions[0].GetProperty("reason").GetString(), revisions[1].GetProperty("reason").ValueKind));
        Assert.Equal("Sở KHCN Lào Cai điều chỉnh số nhiệm vụ đúng hạn", periods[0].GetProperty("reason").GetString());
    }
}
