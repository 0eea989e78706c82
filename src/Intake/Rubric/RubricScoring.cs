using System.Globalization;
using Platform.Intake.Submissions;
using Platform.Scoring;
using Platform.Scoring.Engine;

namespace Platform.Intake.Rubric;

/// <summary>
/// What the scoring engine says about a rubric submission: the self-assessment is the engine's score of the
/// reported values; reviewer scores go to the engine as its <c>reviewer</c> map, which checks them and makes
/// them final. Nothing of the rules is repeated here.
/// </summary>
internal static class RubricScoring
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static CompiledFramework? FrameworkOf(FrameworkCatalog frameworks, Submission s) =>
        frameworks.Find(s.FrameworkId, s.FrameworkVersion, s.Period) ?? frameworks.Find(s.FrameworkId, null, s.Period);

    public static ScoringRequest RequestOf(Submission s, IReadOnlyDictionary<string, decimal>? reviewer) =>
        new(s.Period, null, [new UnitValues(s.TargetUnit, s.Values.ToDictionary(v => v.Key, v => ValueValidation.ToClr(v.Value), StringComparer.Ordinal), Reviewer: reviewer)]);

    /// <summary><paramref name="request"/> (one unit) with the reviewer's scores in place of its own: the values are not read again.</summary>
    public static ScoringRequest WithReviewer(ScoringRequest request, IReadOnlyDictionary<string, decimal>? reviewer) =>
        request with { Units = [request.Units[0] with { Reviewer = reviewer }] };

    /// <summary>Problems with <paramref name="scores"/>, keyed by criterion code, in Vietnamese; empty when the engine accepts them.</summary>
    public static Dictionary<string, string[]> Check(CompiledFramework framework, Submission submission, IReadOnlyDictionary<string, decimal> scores)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scorer = new Scorer(framework);
        var request = RequestOf(submission, scores);
        foreach (var problem in scorer.Validate(request))
        {
            if (problem.Key?.StartsWith("reviewer.", StringComparison.Ordinal) != true)
            {
                // The stored values were checked when saved; a problem with them is reported as the engine words it.
                errors[problem.Key ?? "values"] = [$"{problem.Message}."];
                continue;
            }
            var code = problem.Key["reviewer.".Length..];
            errors[code] = [framework.Indicators.FirstOrDefault(i => i.Code == code) is { } indicator
                ? $"Điểm thẩm định của tiêu chí {code} phải từ 0 đến {Num(indicator.Max)} (nhận được {Num(scores[code])})."
                : $"Tiêu chí '{code}' không có trong khung {framework.Id}."];
        }
        if (errors.Count > 0) return errors;

        // A discretionary tier ("dưới X: đạt tối đa Y điểm") lets the engine take a reviewer score only up to Y:
        // a score it had to lower was out of that tier's bounds.
        foreach (var score in scorer.Score(request).Results[0].Indicators)
        {
            if ((score.Flags & ScoreFlags.Reviewed) == 0 || scores[score.Code] == score.Score) continue;
            errors[score.Code] = [$"Tiêu chí {score.Code} đang ở bậc do hội đồng thẩm định chấm tối đa {Num(score.Score)} điểm; điểm thẩm định phải từ 0 đến {Num(score.Score)} (nhận được {Num(scores[score.Code])})."];
        }
        return errors;
    }

    /// <summary>Longest reviewer comment kept for one criterion.</summary>
    public const int CommentMaxLength = 2000;

    /// <summary>
    /// Problems with the reviewer's <paramref name="comments"/>: each names a criterion of the framework and is at most
    /// <see cref="CommentMaxLength"/> characters, and a criterion whose reviewer score differs from the self score (the
    /// engine's, from the reported values) must carry one — the override's reason.
    /// </summary>
    public static Dictionary<string, string> CheckComments(CompiledFramework framework, Submission submission,
        IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, string> comments)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = framework.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, text) in comments)
        {
            if (!codes.Contains(code)) errors[code] = $"Tiêu chí '{code}' không có trong khung {framework.Id}; không ghi được nhận xét.";
            else if (text.Length > CommentMaxLength) errors[code] = $"Nhận xét của tiêu chí {code} dài quá {CommentMaxLength} ký tự.";
        }
        var self = new Scorer(framework).Score(RequestOf(submission, null)).Results[0];
        foreach (var indicator in self.Indicators)
        {
            if (!scores.TryGetValue(indicator.Code, out var reviewer) || reviewer == indicator.Score) continue;
            if (!comments.ContainsKey(indicator.Code))
                errors.TryAdd(indicator.Code, $"Điểm thẩm định của tiêu chí {indicator.Code} ({Num(reviewer)}) khác điểm tự đánh giá ({Num(indicator.Score)}): cần ghi nhận xét nêu lý do.");
        }
        return errors;
    }

    public static string Num(decimal value) => value.ToString("#,##0.##", Vietnamese);
}
