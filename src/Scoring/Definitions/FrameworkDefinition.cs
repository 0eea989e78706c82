using System.Text.Json;

namespace Platform.Scoring.Definitions;

/// <summary>
/// A scoring framework as versioned data (one JSON file per framework version). Every parameter the law
/// fixes sits here with its legal reference, so a period is always scored under the rules in force for it.
/// </summary>
public sealed record FrameworkDefinition
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Name { get; init; }
    public LegalBasis? LegalBasis { get; init; }

    /// <summary>First period scored under this version: <c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    public required string EffectiveFrom { get; init; }

    /// <summary>Last period scored under this version, null while in force.</summary>
    public string? EffectiveTo { get; init; }

    /// <summary><c>month</c>, <c>year</c> or <c>window</c> (a dated collection window).</summary>
    public required string PeriodType { get; init; }

    public decimal MaxPoints { get; init; }

    /// <summary>Decimals of the rounded total (0 = whole points).</summary>
    public int Precision { get; init; }

    /// <summary>True for indicator catalogues that carry no points (values are collected and compared only).</summary>
    public bool Unscored { get; init; }

    public IReadOnlyList<ClassBand> Classes { get; init; } = [];
    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];
    public BonusDefinition? Bonus { get; init; }
    public IReadOnlyList<CheckDefinition> Checks { get; init; } = [];
    public IReadOnlyList<Interpretation> Interpretations { get; init; } = [];

    /// <summary>Peer groups a run may use; empty = any.</summary>
    public IReadOnlyList<string> PeerGroups { get; init; } = [];

    /// <summary>Rubric frameworks: a reviewer score per criterion overrides the computed one.</summary>
    public bool ReviewerScores { get; init; }

    /// <summary>
    /// Every reported input whose indicator names its <see cref="IndicatorDefinition.Evidence"/> must come with at
    /// least one evidence file before the submission is handed in (seed 003: each criterion needs its minh chứng).
    /// </summary>
    public bool EvidenceRequired { get; init; }
}

public sealed record LegalBasis(string Document, string Date, string? Article = null, string? Issuer = null)
{
    /// <summary>How people cite it: "Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025".</summary>
    public string Describe() =>
        DateOnly.TryParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? $"{Document} ngày {date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{Document} ngày {Date}";
}

/// <summary>A classification band: totals at or above <see cref="Min"/> (and below the next band) get this class.</summary>
public sealed record ClassBand(string Code, string Name, decimal Min);

/// <summary>A dated parameter or decision recorded with the framework, shown to people and in explanations.</summary>
public sealed record Interpretation(string Id, string Text, bool SuspectedTypo = false);

public sealed record BonusDefinition(decimal Min, decimal Max, string? LegalReference = null);

/// <summary>A cross-field rule a unit's values must satisfy, e.g. <c>A.onTime + A.late ≤ A.due + A.backlog</c>.</summary>
public sealed class CheckDefinition
{
    public required JsonElement Rule { get; init; }
    public required string Message { get; init; }

    /// <summary>The input the problem is reported against.</summary>
    public required string Key { get; init; }

    /// <summary>Inputs that must be reported for the check to apply (the side it is measured against).</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}

public sealed class InputDefinition
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public string? Unit { get; init; }

    /// <summary><c>count</c>, <c>amount</c>, <c>fraction</c>, <c>score</c>, <c>boolean</c> or <c>choice</c>.</summary>
    public required string Type { get; init; }

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>Allowed values of a choice input, with Vietnamese labels.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>How sub-annual updates roll up into the period value: <c>latest</c> (stocks) or <c>sum</c> (flows).</summary>
    public string RollUp { get; init; } = "latest";

    /// <summary>When the input is not reported: use this value and flag the indicators that use it (e.g. a derived backlog).</summary>
    public MissingDefault? WhenMissing { get; init; }

    public string? Help { get; init; }
}

/// <summary>
/// What an unreported input becomes: a rule over the unit's previous-period values when they are
/// given (monthly backlog carry-over), otherwise <see cref="Value"/>; either way flagged.
/// </summary>
public sealed record MissingDefault(decimal Value, string Flag, JsonElement? FromPrevious = null);

public sealed class GroupDefinition
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public decimal Max { get; init; }
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];
}

public sealed class IndicatorDefinition
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public decimal Max { get; init; }
    public string? Unit { get; init; }

    /// <summary>The rule, in the closed vocabulary of <see cref="Rules.RuleParser"/>; absent when a <see cref="Variant"/> gives it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Rule { get; init; }

    /// <summary>Alternative readings of the source, by name (e.g. monthly B: <c>text</c> and <c>table</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Variants { get; init; }

    /// <summary>The variant this framework version scores with; its rule replaces <see cref="Rule"/>.</summary>
    public string? Variant { get; init; }

    /// <summary>What happens when a ratio's denominator is 0: <c>full</c>, <c>zero</c> or <c>excluded</c>.</summary>
    public string ZeroDenominator { get; init; } = "zero";

    /// <summary>
    /// True when the indicator's points lie within a sibling's (monthly A2's 9 points are part of A1's 18),
    /// so they do not count towards the group's maximum.
    /// </summary>
    public bool SharesParentMax { get; init; }

    public string? Evidence { get; init; }
    public string? LeadAgency { get; init; }
    public IReadOnlyList<string> CooperatingAgencies { get; init; } = [];
    public string? Frequency { get; init; }
    public string? LegalReference { get; init; }
    public string? ProposedAction { get; init; }

    /// <summary>Ids of the interpretations that decide how this indicator reads its source.</summary>
    public IReadOnlyList<string> Interpretations { get; init; } = [];

    /// <summary>Catalogue frameworks: whether a higher value is better.</summary>
    public string? Direction { get; init; }

    /// <summary>Catalogue frameworks: where the value comes from (agency report, central platform, international index).</summary>
    public string? SourceType { get; init; }

    /// <summary>
    /// Catalogue frameworks: how many years the value's year of reference lies before the reported year (0 = the same
    /// year; 1 = the year before, as for statistics and international indices published late). The annual criteria
    /// keep <c>year − lag</c> with every value.
    /// </summary>
    public int ReferenceYearLag { get; init; }
}
