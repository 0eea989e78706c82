using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Intake.Http;

/// <summary>The problems of a (framework, period) pair in a request's route or query.</summary>
public static class FrameworkProblems
{
    /// <summary>
    /// 400 when no version of <paramref name="framework"/> is in force for <paramref name="period"/>, keyed by what is wrong:
    /// <c>period</c> when the framework exists for other periods (the period is malformed or outside them), else <c>framework</c>.
    /// </summary>
    public static ValidationProblem NotInForce(FrameworkCatalog frameworks, string framework, string period)
    {
        var known = frameworks.All.Any(f => f.Definition.Id == framework);
        return ApiProblems.InvalidByKey(known ? "period" : "framework", $"Không có khung đánh giá '{framework}' áp dụng cho kỳ '{period}'.");
    }
}
