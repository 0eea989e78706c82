using Platform.Fuzzing.Tests.Harness;
using Platform.Intake.Bulk;
using Platform.Intake.Evidence;
using Platform.Intake.Units;
using static Platform.Fuzzing.Tests.Harness.Mutations;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Fuzzing.Tests.Parsers;

/// <summary>
/// Every parser people feed files to, on inputs mutated from valid files and on random ones: it answers a result or a
/// Vietnamese problem list, never an exception, within <see cref="Fuzz.HangBound"/> and within
/// <see cref="Fuzz.Allowance"/> bytes allocated. <c>PLATFORM_FUZZ_ITERATIONS</c> sets the inputs per parser.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void The_bulk_import_reads_any_xlsx_or_csv_as_cells_or_refuses_it_with_Vietnamese_problems()
    {
        var xlsx = Seeds.BulkImport().Where(s => s.Name.Contains("xlsx", StringComparison.Ordinal)).ToList();
        var csv = Seeds.BulkImport().Where(s => !s.Name.Contains("xlsx", StringComparison.Ordinal)).ToList();
        var framework = Seeds.Framework("monthly-4585");
        var iterations = Fuzz.Iterations(400);
        Fuzz.Run("bulk import xlsx", From(xlsx, Format.Zip, Import.MaxBytes), b => Targets.BulkImport(b, framework), iterations, output);
        Fuzz.Run("bulk import csv", From(csv, Format.Csv, Import.MaxBytes), b => Targets.BulkImport(b, framework), iterations, output);
    }

    [Fact]
    public void The_units_import_reads_any_file_as_rows_or_refuses_it_with_Vietnamese_problems()
    {
        var stats = Fuzz.Run("units csv", From(Seeds.UnitsCsv(), Format.Csv, (int)ImportUnits.MaxImportBytes), Targets.UnitsImport, Fuzz.Iterations(400), output);
        Assert.Equal(0, stats.Crashes + stats.Hangs + stats.OverMemory);
    }

    [Fact]
    public void The_evidence_checks_recognise_or_refuse_any_content_and_make_any_name_safe()
    {
        var stats = Fuzz.Run("evidence", From(Seeds.Evidence(), Format.Zip, (int)UploadEvidence.MaxFileBytes), Targets.Evidence, Fuzz.Iterations(400), output);
        Assert.Equal(0, stats.Crashes + stats.Hangs + stats.OverMemory);
    }

    [Fact]
    public void The_scoring_cli_scores_any_input_or_exits_2_with_Vietnamese_problems()
    {
        var seeds = Seeds.ScoringRuns();
        var iterations = Fuzz.Iterations(300);
        Fuzz.Run("scoring cli (stdin)", From(seeds, Format.Json, 8 * 1024 * 1024), b => Targets.ScoringCli(b, fromFile: false), iterations, output);
        Fuzz.Run("scoring cli (file)", From(seeds, Format.Json, 8 * 1024 * 1024), b => Targets.ScoringCli(b, fromFile: true), iterations / 3, output);
    }

    [Fact]
    public void A_framework_file_compiles_or_is_refused_with_Vietnamese_problems()
    {
        Fuzz.Run("framework file", From(Seeds.FrameworkFiles(), Format.Json, 2 * 1024 * 1024), Targets.FrameworkFileRead, Fuzz.Iterations(300), output);
    }
}
