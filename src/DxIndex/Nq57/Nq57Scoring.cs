using System.Globalization;
using System.Text.Json;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.DxIndex.Nq57;

/// <summary>One criterion of a commune's assessment: the three scores and the reviewer's comment.</summary>
public sealed record Nq57Criterion(string Code, string Name, string Group, decimal Max, decimal Self, decimal? Reviewer, string? Comment,
    decimal Suggested, decimal? Final, string? FinalReason, IReadOnlyList<string> Flags);

/// <summary>The engine's reading of one commune's assessment: self (values alone), reviewer (values and reviewer scores).</summary>
public sealed record Nq57Scores(UnitResult Self, UnitResult Reviewed, CompiledFramework Framework)
{
    /// <summary>What the final decision starts from, per criterion: the reviewer's score where given, else the self score.</summary>
    public Dictionary<string, decimal> Suggested() =>
        Reviewed.Indicators.ToDictionary(i => i.Code, i => i.Reviewer ?? i.Score, StringComparer.Ordinal);
}

/// <summary>
/// Everything NQ57 asks of the scoring engine; no rule is repeated here. The self score is the engine's score of the
/// approved values; the reviewer's scores and a final decision's scores go to the engine as its <c>reviewer</c> map,
/// which checks them against [0, max] and the discretionary caps ("đạt tối đa Y điểm", interpretation 8).
/// </summary>
public static class Nq57Scoring
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static CompiledFramework? FrameworkOf(FrameworkCatalog frameworks, string frameworkId, string? version, string period) =>
        (version is null ? null : frameworks.Find(frameworkId, version, period)) ?? frameworks.Find(frameworkId, null, period);

    public static Dictionary<string, T>? Read<T>(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, T>>(json);

    public static ScoringRequest RequestOf(Nq57Assessment a, IReadOnlyDictionary<string, decimal>? reviewer)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in Read<JsonElement>(a.ValuesJson) ?? [])
        {
            if (ReportedValue.FromJson(value) is { } clr) values[key] = clr;
        }
        return new ScoringRequest(a.Period, null, [new UnitValues(a.Unit, values, Reviewer: reviewer)]);
    }

    public static Nq57Scores Score(CompiledFramework framework, Nq57Assessment a)
    {
        var scorer = new Scorer(framework);
        return new Nq57Scores(
            scorer.Score(RequestOf(a, null)).Results[0],
            scorer.Score(RequestOf(a, Read<decimal>(a.ReviewerScoresJson))).Results[0],
            framework);
    }

    /// <summary>The decision's scores as the engine counts them: total and groups.</summary>
    public static UnitResult ScoreFinal(CompiledFramework framework, Nq57Assessment a, IReadOnlyDictionary<string, decimal> final) =>
        new Scorer(framework).Score(RequestOf(a, final)).Results[0];

    /// <summary>Problems with final scores, by criterion code, in Vietnamese; empty when the engine takes them as they are.</summary>
    public static Dictionary<string, string[]> Check(CompiledFramework framework, Nq57Assessment a, IReadOnlyDictionary<string, decimal> final)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scorer = new Scorer(framework);
        var request = RequestOf(a, final);
        foreach (var problem in scorer.Validate(request))
        {
            if (problem.Key?.StartsWith("reviewer.", StringComparison.Ordinal) != true) continue;
            var code = problem.Key["reviewer.".Length..];
            errors[code] = [framework.Indicators.FirstOrDefault(i => i.Code == code) is { } indicator
                ? $"Điểm quyết định của tiêu chí {code} phải từ 0 đến {Num(indicator.Max)} (nhận được {Num(final[code])})."
                : $"Tiêu chí '{code}' không có trong khung {framework.Id}."];
        }
        if (errors.Count > 0) return errors;
        foreach (var score in scorer.Score(request).Results[0].Indicators)
        {
            if (!final.TryGetValue(score.Code, out var wanted) || wanted == score.Score) continue;
            errors[score.Code] = [$"Tiêu chí {score.Code} đang ở bậc chấm tối đa {Num(score.Score)} điểm; điểm quyết định phải từ 0 đến {Num(score.Score)} (nhận được {Num(wanted)})."];
        }
        return errors;
    }

    /// <summary>The group a criterion counts towards at the top level (<c>A</c> or <c>B</c>): the first part of its code.</summary>
    public static string GroupOf(string code) => code.Split('.')[0];

    /// <summary>A stored decimal without the trailing zeros of its column's scale (9.5500 → 9.55).</summary>
    public static decimal Exact(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Exact(decimal? value) => value is { } v ? Exact(v) : null;

    public static string Num(decimal value) => value.ToString("#,##0.##", Vietnamese);
}
