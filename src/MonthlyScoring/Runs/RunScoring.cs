using System.Buffers;
using System.Text;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// A scored peer group: the two scoring-io documents and what the engine made of them; <paramref name="Missing"/> the
/// inputs without an approved value (known when scored from the stored values, null when re-scored from a document).
/// </summary>
public sealed record ComputedRun(CompiledFramework Framework, ScoringRequest Request, ScoringResult Result, string InputJson, string ResultJson,
    IReadOnlyList<MissingInput>? Missing = null);

/// <summary>
/// Scores a peer group from the stored approved values. The result is computed from the written input document
/// read back exactly as <c>Scoring.Cli score</c> reads it (<see cref="ScoringRunJson.Read"/>, then
/// <see cref="Scorer.Score"/>, then <see cref="ScoringRunJson.Write"/>), so the stored result is by construction what
/// the CLI prints for the stored input.
/// </summary>
public static class RunScoring
{
    public const string FrameworkId = MonthlyScoringOptions.FrameworkId;
    public static readonly string[] PeerGroups = ["provinces", "ministries"];

    public static CompiledFramework? Framework(FrameworkCatalog frameworks, string period) =>
        Period.TryParse(period, out var p) && p.Month > 0 ? frameworks.Find(FrameworkId, null, period) : null;

    /// <exception cref="ScoringInputException">The stored values do not pass the engine's checks.</exception>
    public static async Task<ComputedRun> ComputeAsync(MonthlyScoringDbContext db, string tenant, CompiledFramework framework,
        string period, string peerGroup, CancellationToken ct)
    {
        // Approved bonus points (1–5) of the period enter every run made after the decision.
        var bonuses = await BonusDecisions.ApprovedAsync(db, tenant, period, ct);
        var set = await ScoringInputLoader.LoadAsync(db, tenant, framework, period, peerGroup, bonuses, ct);
        // The input document is written once as UTF-8 and read back from those bytes; its text is made once, to be stored.
        var input = new ArrayBufferWriter<byte>(1 << 16);
        ScoringRunJson.WriteInput(framework, set.Request, input);
        return Score(ScoringRunJson.Read(input.WrittenSpan), Encoding.UTF8.GetString(input.WrittenSpan),
            (id, version, _) => id == framework.Id && version == framework.Version ? framework : null) with { Missing = set.Missing };
    }

    /// <summary>Scores a scoring-io input document the way the CLI does, under the version it names.</summary>
    /// <exception cref="ScoringInputException">The document is not a valid input.</exception>
    public static ComputedRun Score(FrameworkCatalog frameworks, string inputJson) =>
        Score(inputJson, (id, version, period) => frameworks.Find(id, version, period));

    /// <summary>Scores a scoring-io input document written for <paramref name="framework"/> (which may be a draft no catalogue holds).</summary>
    /// <exception cref="ScoringInputException">The document is not a valid input.</exception>
    public static ComputedRun Score(CompiledFramework framework, string inputJson) =>
        Score(inputJson, (id, version, _) => id == framework.Id && version == framework.Version ? framework : null);

    private static ComputedRun Score(string inputJson, Func<string, string?, string, CompiledFramework?> find) =>
        Score(ScoringRunJson.Read(inputJson), inputJson, find);

    private static ComputedRun Score((ScoringRunInput? Input, IReadOnlyList<ScoringProblem> Problems) read, string inputJson,
        Func<string, string?, string, CompiledFramework?> find)
    {
        var (input, problems) = read;
        if (input is null || problems.Count > 0) throw new ScoringInputException(problems);
        var framework = find(input.Framework, input.Version, input.Request.Period)
            ?? throw new ScoringInputException([new ScoringProblem(null, "framework", $"không có khung \"{input.Framework}\" phiên bản \"{input.Version}\"")]);
        var result = new Scorer(framework).Score(input.Request);
        return new ComputedRun(framework, input.Request, result, inputJson, ScoringRunJson.WriteToString(result));
    }
}
