using System.Diagnostics;
using Platform.Reporting.Documents;

namespace Platform.Reporting.Tests.Documents;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>
/// How much memory an export holds while its rows stream through: the live heap (after a full collection) when row
/// 1,000 is read and when row 5,000 is. Runs alone so that no other test's objects are counted.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    private static async Task<(long AtFirst, long AtLast)> LiveHeapAsync(Func<ReportDocument, Stream, CancellationToken, Task> write, int first, int last)
    {
        long atFirst = 0, atLast = 0;
        var document = SampleDocuments.Ranking(last + 1, onRow: i =>
        {
            if (i == first) atFirst = GC.GetTotalMemory(forceFullCollection: true);
            if (i == last) atLast = GC.GetTotalMemory(forceFullCollection: true);
        });
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        await write(document, file, TestContext.Current.CancellationToken);
        Assert.True(file.Length > 0);
        return (atFirst, atLast);
    }

    [Fact]
    public async Task Excel_holds_no_more_memory_at_row_5000_than_at_row_1000()
    {
        var (atFirst, atLast) = await LiveHeapAsync(XlsxReport.WriteAsync, 1_000, 5_000);
        // 4,000 rows of sheet XML are ~2.5 MB uncompressed: a writer that kept them would fail this.
        Assert.True(atLast - atFirst < 512 * 1024, $"The live heap grew by {(atLast - atFirst) / 1024} KB between rows 1,000 and 5,000.");
    }

    [Fact]
    public async Task Csv_holds_no_more_memory_at_row_5000_than_at_row_1000()
    {
        var (atFirst, atLast) = await LiveHeapAsync(CsvReport.WriteAsync, 1_000, 5_000);
        Assert.True(atLast - atFirst < 256 * 1024, $"The live heap grew by {(atLast - atFirst) / 1024} KB between rows 1,000 and 5,000.");
    }

    [Fact]
    public async Task Pdf_holds_a_bounded_amount_per_row_until_it_is_saved()
    {
        // PDFsharp keeps every page until the document is saved: memory grows with the rows, within a budget.
        var (atFirst, atLast) = await LiveHeapAsync(PdfReport.WriteAsync, 1_000, 5_000);
        var perRow = (atLast - atFirst) / 4_000;
        Assert.True(perRow < 2_048, $"The PDF held {perRow} bytes per row ({(atLast - atFirst) / 1024} KB for 4,000 rows).");
    }

    /// <summary>The figures in docs/reporting.md: the ranking for 41,000 units. Run by hand (explicit).</summary>
    [Fact(Explicit = true)]
    public async Task Measure_the_41000_unit_ranking()
    {
        foreach (var (name, write) in new (string, Func<ReportDocument, Stream, CancellationToken, Task>)[]
                     { ("xlsx", XlsxReport.WriteAsync), ("pdf", PdfReport.WriteAsync), ("csv", CsvReport.WriteAsync) })
        {
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            long peak = 0, live = 0;
            var document = SampleDocuments.Ranking(41_000, onRow: i =>
            {
                if (i % 5_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
                if (i == 40_999) live = GC.GetTotalMemory(forceFullCollection: true);
            });
            var clock = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
            await write(document, file, TestContext.Current.CancellationToken);
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            TestContext.Current.TestOutputHelper!.WriteLine(
                $"{name}: {clock.ElapsedMilliseconds} ms (includes the full collections), file {file.Length / 1024} KB, " +
                $"live heap at the last row {(live - before) / 1024 / 1024} MB, heap peak seen {(peak - before) / 1024 / 1024} MB, " +
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024 / 1024} MB, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
    }
}
