using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Reporting.Public;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Tests.Dashboards;
using Platform.Scoring;
using Platform.TestSupport;

namespace Platform.Reporting.Tests.Public;

public sealed class PublicResultsTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_reads_every_revision_newest_first_with_the_corrections_reason_and_the_changed_units_names()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "public-history");

        var history = (await host.Client().GetFromJsonAsync<List<PublicRevision>>("/api/reporting/public/publications?framework=monthly-4585&peerGroup=provinces", Ct))!;

        Assert.Equal([("2026-11", 2), ("2026-11", 1), ("2026-10", 1)], history.Select(r => (r.Period, r.Revision)));
        var correction = history[0];
        Assert.Equal((1, true, PublishedWorld.CorrectionReason, "09/12/2026 09:00"),
            (correction.Supersedes!.Value, correction.Current, correction.Reason, correction.PublishedAtVietnam));
        Assert.Equal(["Tỉnh Lào Cai"], correction.ChangedUnitNames);
        Assert.Equal(("Tháng 11/2026", "Tỉnh, thành phố trực thuộc Trung ương"), (correction.PeriodName, correction.PeerGroupName));
        Assert.StartsWith("Chấm điểm hằng tháng", correction.FrameworkName, StringComparison.Ordinal);
        Assert.False(history[1].Current);
        Assert.Empty(history[1].ChangedUnitNames);

        var all = (await host.Client().GetFromJsonAsync<List<PublicRevision>>("/api/reporting/public/publications", Ct))!;
        Assert.Equal(4, all.Count);
    }

    [Fact]
    public async Task Anyone_reads_the_current_results_or_an_earlier_revision_and_nothing_unpublished()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "public-results");
        var due = new DateTimeOffset(2027, 1, 4, 17, 0, 0, TimeSpan.Zero);
        await host.DeliverAsync(new ObligationsAnnounced(PublishedWorld.Tenant, PublishedWorld.Framework, PublishedWorld.Version, "2026-12", "to-national",
            "vn", due, 1, [new("lao-cai", "lao-cai", "lead", ["A1"])], PublishedWorld.Now));
        await host.DeliverAsync(new SubmissionSubmitted(Guid.NewGuid(), PublishedWorld.Tenant, PublishedWorld.Framework, PublishedWorld.Version, "2026-12",
            "lao-cai", "lao-cai", false, "bao-cao.lao-cai", 1, PublishedWorld.Now));
        var anonymous = host.Client();

        var current = (await anonymous.GetFromJsonAsync<PublicResults>("/api/reporting/public/results/monthly-4585/2026-11/provinces", Ct))!;
        Assert.Equal(2, current.Revision.Revision);
        Assert.Equal([(1, "Tỉnh Lào Cai", 86m, "Loại A (Xuất sắc)"), (2, "Thành phố Hà Nội", 80m, "Loại B (Tốt)"), (3, "Tỉnh Thanh Hóa", 45m, "Loại D")],
            current.Lines.Select(l => (l.Rank!.Value, l.UnitName, l.Total!.Value, l.ClassificationName)));
        Assert.Equal(18m, current.Lines[0].Groups["A"]);

        var first = (await anonymous.GetFromJsonAsync<PublicResults>("/api/reporting/public/results/monthly-4585/2026-11/provinces?revision=1", Ct))!;
        Assert.Equal((1, false), (first.Revision.Revision, first.Revision.Current));
        Assert.Equal(72m, first.Lines.Single(l => l.Unit == "lao-cai").Total);

        var october = (await anonymous.GetFromJsonAsync<PublicResults>("/api/reporting/public/results/monthly-4585/2026-10/provinces", Ct))!;
        var notReported = october.Lines[^1];
        Assert.Equal(("Tỉnh Thanh Hóa", false, null, null, null, "Chưa báo cáo"),
            (notReported.UnitName, notReported.Reported, notReported.Rank, notReported.Total, notReported.Classification, notReported.ClassificationName));
        Assert.Empty(notReported.Groups);

        // December has obligations and submissions in the read models but nothing published: the public sees nothing of it.
        using var december = await anonymous.GetAsync("/api/reporting/public/results/monthly-4585/2026-12/provinces", Ct);
        Assert.Equal(HttpStatusCode.NotFound, december.StatusCode);
        using var third = await anonymous.GetAsync("/api/reporting/public/results/monthly-4585/2026-11/provinces?revision=3", Ct);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }

    [Theory]
    [InlineData("/api/reporting/public/results/monthly-4585/2026-11/provinces/export?format=pdf", "format")]
    [InlineData("/api/reporting/public/results/monthly-4585/2026-11/provinces?revision=-1", "revision")]
    [InlineData("/api/reporting/public/publications?peerGroup=xa-phuong", "peerGroup")]
    [InlineData("/api/reporting/public/publications?framework=khong-co", "framework")]
    public async Task Bad_public_input_is_a_vietnamese_400_naming_the_field(string url, string field)
    {
        await using var host = await ReportingHost.StartAsync(infrastructure, "public-input");

        using var response = await host.Client().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal([field], problem.Errors.Keys);
        Assert.Contains($"({field})", problem.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_file_holds_the_results_and_every_revisions_reason_with_the_changed_units()
    {
        await using var host = await PublishedWorld.StartAsync(infrastructure, "public-document");
        await using var db = host.Db();
        var catalog = host.Services.GetRequiredService<FrameworkCatalog>();
        var history = await db.Set<Publication>().Where(p => p.Period == "2026-11" && p.PeerGroup == "provinces").OrderBy(p => p.Revision).ToListAsync(Ct);
        var revisions = await PublicRevisions.DescribeAsync(db, catalog, PublishedWorld.Tenant, history, Ct);

        var document = PublicExport.Build(db, catalog, history[1], revisions, PublishedWorld.Now);

        Assert.Equal("ket-qua-monthly-4585-2026-11-provinces-lan-2", document.FileName);
        Assert.Equal("KẾT QUẢ CHẤM ĐIỂM THÁNG 11/2026", document.Title);
        var table = Assert.Single(document.Tables);
        Assert.Equal(["Hạng", "Đơn vị", "A (20)", "B (20)", "C (20)", "D (20)", "E (15)", "Điểm khuyến khích", "Tổng điểm", "Xếp loại"],
            table.Columns.Select(c => c.Header));
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in table.Rows) rows.Add(row);
        Assert.Equal(new object?[] { 1, "Tỉnh Lào Cai", 18m, 28m, 15m, 15m, 10m, 0m, 86m, "Loại A (Xuất sắc)" }, rows[0]);
        Assert.Equal(["Tỉnh Lào Cai", "Thành phố Hà Nội", "Tỉnh Thanh Hóa"], rows.Select(r => (string)r[1]!));
        Assert.Contains("Lần 1 (08/12/2026 09:00): công bố lần đầu.", document.Notes);
        Assert.Contains($"Lần 2 (09/12/2026 09:00), đính chính lần 1: {PublishedWorld.CorrectionReason}. Đơn vị thay đổi: Tỉnh Lào Cai.", document.Notes);
        Assert.Equal((2, history[1].PublishedAt), (document.Source.Revision!.Value, document.Source.PublishedAt!.Value));
    }
}
