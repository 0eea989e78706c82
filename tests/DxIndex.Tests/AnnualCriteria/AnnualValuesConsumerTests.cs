using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.AnnualCriteria;
using Platform.DxIndex.Data;
using Platform.TestSupport;
using static Platform.DxIndex.Tests.AnnualCriteria.AnnualCriteriaBench;

namespace Platform.DxIndex.Tests.AnnualCriteria;

public sealed class AnnualValuesConsumerTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_agencies_fill_one_provinces_year_each_value_with_its_reference_year_source_and_agency()
    {
        await using var host = await StartAsync(infrastructure, "qd2244agencies");
        var science = Guid.NewGuid();
        var police = Guid.NewGuid();

        await host.DeliverAsync(Approval(science, "lao-cai.so-khcn", "lao-cai", 2025, 1, T0, ("0101", 1250m), ("0426", 0.7709m)));
        await host.DeliverAsync(Approval(police, "lao-cai.cong-an", "lao-cai", 2025, 1, T0.AddHours(1), ("0418", 0.71m)));

        Assert.Equal(
        [
            "0101|1250|2025|agency-report|lao-cai.so-khcn",
            "0418|0.71|2025|central-statistics|lao-cai.cong-an",
            // EGDI: an international index, published with a lag — the value reported for 2025 refers to 2024.
            "0426|0.7709|2024|international-index|lao-cai.so-khcn",
        ], await RowsAsync(host.Db()));
    }

    [Fact]
    public async Task A_duplicate_changes_nothing_a_later_revision_replaces_and_an_older_one_arriving_late_is_ignored()
    {
        await using var host = await StartAsync(infrastructure, "qd2244revisions");
        var submission = Guid.NewGuid();
        var first = Approval(submission, "lao-cai.so-khcn", "lao-cai", 2025, 1, T0, ("0101", 1250m), ("0201", 40m));
        var id = await host.DeliverAsync(first);
        await host.DeliverAsync(first, id);
        Assert.Equal(["0101|1250|2025|agency-report|lao-cai.so-khcn", "0201|40|2025|agency-report|lao-cai.so-khcn"], await RowsAsync(host.Db()));

        // Revision 2 corrects 0101 and no longer carries 0201 (the agency withdrew it): 0201 goes.
        await host.DeliverAsync(Approval(submission, "lao-cai.so-khcn", "lao-cai", 2025, 2, T0.AddDays(1), ("0101", 1300m)));
        // Revision 1 again, delivered late under a new message id: older, ignored.
        await host.DeliverAsync(first);

        Assert.Equal(["0101|1300|2025|agency-report|lao-cai.so-khcn"], await RowsAsync(host.Db()));
        await using var db = host.Db();
        Assert.Equal(2, (await db.Set<AnnualValue>().SingleAsync(Ct)).SubmissionRevision);
    }

    [Fact]
    public async Task Approvals_of_other_frameworks_are_not_kept()
    {
        await using var host = await StartAsync(infrastructure, "qd2244other");

        await host.DeliverAsync(Approval(Guid.NewGuid(), "lao-cai.so-khcn", "lao-cai", 2025, 1, T0, ("0101", 1m)) with { FrameworkId = "dti-province-405" });

        Assert.Empty(await RowsAsync(host.Db()));
    }

    private static async Task<List<string>> RowsAsync(DxIndexDbContext db)
    {
        await using (db)
        {
            return (await db.Set<AnnualValue>().AsNoTracking().OrderBy(v => v.Criterion).ToListAsync(Ct))
                .Select(v => $"{v.Criterion}|{v.Value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)}|{v.ReferenceYear}|{v.SourceType}|{v.ReportingUnit}")
                .ToList();
        }
    }
}
