using BenchmarkDotNet.Attributes;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.Bench.ScoringBench;

/// <summary>One month of monthly-4585 at the national instance's size, 10× and 100× it.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private Scorer _scorer = null!;
    private BaselineScorer _baseline = null!;
    private ScoringRequest _request = null!;

    [Params(4_100, 41_000, 410_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var framework = BenchFrameworks.Catalog.Find("monthly-4585", null, "2026-03")!;
        _scorer = new Scorer(framework);
        _baseline = new BaselineScorer(framework.Definition);
        _request = MonthlyData.Request(Units);
    }

    [Benchmark(Baseline = true)]
    public BaselineScorer.Result[] Baseline() => _baseline.Score(_request);

    [Benchmark]
    public ScoringResult Engine() => _scorer.Score(_request);
}
