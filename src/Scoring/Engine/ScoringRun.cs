namespace Platform.Scoring.Engine;

/// <summary>One unit's reported values, typed: a number (<c>decimal</c>), a <c>bool</c> or a choice (<c>string</c>).</summary>
public sealed record UnitValues(
    string Unit,
    IReadOnlyDictionary<string, object> Values,
    decimal Bonus = 0m,
    IReadOnlyDictionary<string, decimal>? Reviewer = null,
    IReadOnlyDictionary<string, object>? Previous = null);

/// <summary>What to score: one peer group of one framework version for one period.</summary>
public sealed record ScoringRequest(
    string Period,
    string? PeerGroup,
    IReadOnlyList<UnitValues> Units,
    IReadOnlyDictionary<string, decimal>? References = null);

/// <summary>A problem with the input, naming the unit and the key; the message is Vietnamese, for people.</summary>
public sealed record ScoringProblem(string? Unit, string? Key, string Message)
{
    public override string ToString() => string.Join(", ", new[] { Unit, Key }.Where(x => x is not null)) is { Length: > 0 } where
        ? $"{where}: {Message}"
        : Message;
}

public sealed record PeerBest(decimal Value, string? Unit, bool FromReference);

public sealed record IndicatorScore(
    string Code,
    decimal Score,
    decimal Max,
    ScoreFlags Flags,
    decimal? Self = null,
    decimal? Reviewer = null);

public sealed record UnitResult(
    string Unit,
    decimal Total,
    decimal Unrounded,
    string? Classification,
    int Rank,
    IReadOnlyDictionary<string, decimal> Groups,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal Bonus);

public sealed record ScoringResult(
    CompiledFramework Framework,
    string Period,
    string? PeerGroup,
    IReadOnlyList<UnitResult> Results,
    IReadOnlyDictionary<string, PeerBest> Bests);

/// <summary>The readable working of one indicator for one unit.</summary>
public sealed record IndicatorExplanation(
    string Code,
    string Name,
    string Rule,
    IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, object?> Inputs,
    PeerBest? Best,
    IndicatorScore Score);
