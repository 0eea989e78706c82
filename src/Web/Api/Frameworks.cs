namespace Platform.Web.Api;

/// <summary>
/// The framework monthly scoring scores (decision 4585): the scoreboard, bonus, publication and the reporters' default
/// are about it. The one place the web application names a framework; everything else comes from intake.
/// </summary>
public static class MonthlyFramework
{
    public const string Id = "monthly-4585";
}

/// <summary>
/// Intake's <c>GET /api/intake/frameworks?id=</c>: one version of a framework, its periods and legal basis, and who recorded
/// it (also the answer of an upload).
/// </summary>
/// <param name="EffectiveFrom">First period scored under the version: <c>YYYY-MM</c> or <c>YYYY</c>.</param>
/// <param name="EffectiveTo">Last period (the one before the next version), null while no version follows.</param>
/// <param name="Source"><c>shipped</c> (recorded from the files the platform ships) or <c>uploaded</c>.</param>
public sealed record FrameworkVersionSummary(string Id, string Version, string Name, string PeriodType, string EffectiveFrom,
    string? EffectiveTo, LegalBasis? LegalBasis, decimal MaxPoints, bool Unscored, string? Source = null, string? RecordedBy = null,
    DateTimeOffset? RecordedAt = null);

/// <param name="Date"><c>YYYY-MM-DD</c> (or <c>YYYY-MM</c> when the document gives no day).</param>
public sealed record LegalBasis(string Document, string Date, string? Article = null, string? Issuer = null);

/// <summary>
/// Intake's <c>GET /api/intake/frameworks/{id}/versions/{version}</c> and <c>…/in-force/{period}</c>: a version's
/// definition and, per input key, the codes of the indicators that use it (in the framework's order).
/// </summary>
public sealed record FrameworkVersionView(FrameworkDefinition Definition, IReadOnlyDictionary<string, IReadOnlyList<string>> InputUsers)
{
    public InputDefinition? Input(string key) => Definition.Input(key);

    /// <summary>The codes of the indicators an input counts towards; none for an input no rule reads.</summary>
    public IReadOnlyList<string> UsersOf(string key) => InputUsers.TryGetValue(key, out var codes) ? codes : [];
}

/// <summary>
/// The parts of a framework definition (the engine's JSON, <c>src/Scoring/Frameworks/*.json</c>) the web application
/// shows. Rules are not read: what an input counts towards is <see cref="FrameworkVersionView.InputUsers"/>.
/// </summary>
public sealed record FrameworkDefinition
{
    public string Id { get; init; } = "";
    public string Version { get; init; } = "";
    public string Name { get; init; } = "";
    public LegalBasis? LegalBasis { get; init; }
    public string EffectiveFrom { get; init; } = "";
    public string? EffectiveTo { get; init; }

    /// <summary><c>month</c>, <c>year</c> or <c>window</c>.</summary>
    public string PeriodType { get; init; } = "";

    public decimal MaxPoints { get; init; }

    /// <summary>Indicator catalogues that carry no points (values are collected and compared only).</summary>
    public bool Unscored { get; init; }

    /// <summary>Every reported input of an indicator that names its evidence must come with an evidence file.</summary>
    public bool EvidenceRequired { get; init; }

    public IReadOnlyList<ClassBand> Classes { get; init; } = [];
    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];
    public BonusDefinition? Bonus { get; init; }
    public IReadOnlyList<CheckDefinition> Checks { get; init; } = [];
    public IReadOnlyList<Interpretation> Interpretations { get; init; } = [];

    public InputDefinition? Input(string key) => Inputs.FirstOrDefault(i => i.Key == key);

    /// <summary>Every indicator, group by group in the framework's order (a group's own before its sub-groups').</summary>
    public IEnumerable<(IndicatorDefinition Indicator, GroupDefinition TopGroup)> Indicators() =>
        Groups.SelectMany(top => GroupDefinition.IndicatorsOf(top).Select(i => (i, top)));
}

/// <summary>Totals at or above <see cref="Min"/> (and below the next band) get this class.</summary>
public sealed record ClassBand(string Code, string Name, decimal Min);

public sealed record InputDefinition
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public string? Unit { get; init; }

    /// <summary><c>count</c>, <c>amount</c>, <c>fraction</c>, <c>score</c>, <c>boolean</c> or <c>choice</c>.</summary>
    public string Type { get; init; } = "";

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>A choice's allowed values with their Vietnamese labels.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>What the engine uses when the input is not reported (then it is not required on the form).</summary>
    public MissingDefault? WhenMissing { get; init; }

    public string? Help { get; init; }
}

/// <summary>The value an unreported input becomes, and the flag the indicators using it get.</summary>
public sealed record MissingDefault(decimal Value, string Flag);

public sealed record GroupDefinition
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal Max { get; init; }
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    /// <summary>The indicators of a group and its sub-groups, in the framework's order.</summary>
    public static IEnumerable<IndicatorDefinition> IndicatorsOf(GroupDefinition group) =>
        group.Indicators.Concat(group.Groups.SelectMany(IndicatorsOf));
}

public sealed record IndicatorDefinition
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal Max { get; init; }
    public string? Unit { get; init; }

    /// <summary>Points that lie within a sibling's (they do not add to the group's maximum).</summary>
    public bool SharesParentMax { get; init; }

    /// <summary>What evidence a unit hands in for the indicator.</summary>
    public string? Evidence { get; init; }

    public string? LegalReference { get; init; }

    /// <summary>Ids of the interpretations that decide how the indicator reads its source.</summary>
    public IReadOnlyList<string> Interpretations { get; init; } = [];

    /// <summary>Catalogue frameworks (QĐ 2244): <c>agency-report</c>, <c>central-statistics</c> or <c>international-index</c>.</summary>
    public string? SourceType { get; init; }

    /// <summary>Catalogue frameworks: years between the reported year and the value's year of reference.</summary>
    public int ReferenceYearLag { get; init; }
}

public sealed record BonusDefinition(decimal Min, decimal Max, string? LegalReference = null);

/// <summary>A cross-field rule over a unit's values; its message is told against <see cref="Key"/>.</summary>
public sealed record CheckDefinition(string Message, string Key);

/// <summary>A dated reading of the source recorded with the framework (shown in explanations).</summary>
public sealed record Interpretation(string Id, string Text);
