using System.Text.Json;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Io;

/// <summary>One indicator of a <see cref="ResultLine"/>: the score as the output document shows it (two decimals), the maximum, the flags.</summary>
public sealed record IndicatorLine(decimal Score, decimal Max, IReadOnlyList<string> Flags);

/// <summary>
/// One unit's line of a scoring-run output document (<c>results</c>), with the values as the document writes them: the
/// total, the unrounded total, class, rank, bonus, and group and indicator scores shown with two decimals. A field the
/// framework does not score (no classes, no bonus) is null or 0, as when the document is read.
/// </summary>
public sealed record ResultLine(string Unit, decimal Total, decimal Unrounded, string? Classification, int Rank, decimal Bonus,
    IReadOnlyDictionary<string, decimal> Groups, IReadOnlyDictionary<string, IndicatorLine> Indicators);

/// <summary>
/// The lines of a result, built from the engine's result (<see cref="Of"/>) when it has just been scored, or read from a
/// stored output document (<see cref="Read"/>); the two give the same lines, scale of every number included, because
/// <see cref="Of"/> rounds and normalises exactly as <see cref="ScoringRunJson.Write"/> writes.
/// </summary>
public static class ResultLines
{
    public static IReadOnlyList<ResultLine> Of(ScoringResult result)
    {
        var definition = result.Framework.Definition;
        return [.. result.Results.Select(r => definition.Unscored
            ? new ResultLine(r.Unit, 0m, 0m, null, 0, 0m, new Dictionary<string, decimal>(),
                r.Indicators.ToDictionary(s => s.Code, s => new IndicatorLine(ScoringRunJson.Normalize(s.Score), s.Max, s.Flags.ToNames())))
            : new ResultLine(r.Unit, r.Total, ScoringRunJson.Normalize(r.Unrounded),
                definition.Classes.Count > 0 ? r.Classification : null, r.Rank, definition.Bonus is not null ? r.Bonus : 0m,
                r.Groups.ToDictionary(g => g.Key, g => ScoringRunJson.Shown(g.Value)),
                r.Indicators.ToDictionary(s => s.Code, s => new IndicatorLine(ScoringRunJson.Shown(s.Score), s.Max, s.Flags.ToNames()))))];
    }

    /// <summary>The <c>results</c> of a stored output document.</summary>
    public static IReadOnlyList<ResultLine> Read(string outputJson)
    {
        using var document = JsonDocument.Parse(outputJson);
        var lines = document.RootElement.GetProperty("results").Deserialize<List<ResultLine>>(JsonSerializerOptions.Web)!;
        // An unscored framework's document has no groups.
        return [.. lines.Select(l => l.Groups is null ? l with { Groups = new Dictionary<string, decimal>() } : l)];
    }
}
