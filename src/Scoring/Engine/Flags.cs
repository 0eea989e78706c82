namespace Platform.Scoring.Engine;

/// <summary>What a person should know about how an indicator's score came about.</summary>
[Flags]
public enum ScoreFlags : ushort
{
    None = 0,
    Missing = 1,
    ZeroDenominator = 2,
    Clamped = 4,
    ReferenceBest = 8,
    Derived = 16,
    NeedsReview = 32,
    Excluded = 64,
    Reviewed = 128,
}

public static class ScoreFlagNames
{
    private static readonly (ScoreFlags Flag, string Name)[] Names =
    [
        (ScoreFlags.Missing, "missing"),
        (ScoreFlags.ZeroDenominator, "zero-denominator"),
        (ScoreFlags.Clamped, "clamped"),
        (ScoreFlags.ReferenceBest, "reference-best"),
        (ScoreFlags.Derived, "derived"),
        (ScoreFlags.NeedsReview, "needs-review"),
        (ScoreFlags.Excluded, "excluded"),
        (ScoreFlags.Reviewed, "reviewed"),
    ];

    public static IReadOnlyList<string> ToNames(this ScoreFlags flags)
    {
        if (flags == ScoreFlags.None) return [];
        var list = new List<string>(2);
        foreach (var (flag, name) in Names)
        {
            if ((flags & flag) != 0) list.Add(name);
        }
        return list;
    }

    public static ScoreFlags Parse(string name) =>
        Names.FirstOrDefault(n => n.Name == name).Flag;
}
