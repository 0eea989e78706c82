namespace Platform.MonthlyScoring.Runs;

/// <summary>
/// One scoring of a peer group for a period, kept with the exact scoring-io input it scored and the exact output
/// (docs: scoring-io), so that anyone can re-score the input with <c>Scoring.Cli score</c> and get the same bytes.
/// A <c>provisional</c> run is a preview; an <c>official</c> run is a publication with a revision (1, 2, …), a later
/// revision superseding the one before it.
/// </summary>
public sealed class ScoreRun
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string FrameworkVersion { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeerGroup { get; set; } = "";

    /// <summary><see cref="ScoreRunKinds.Provisional"/> or <see cref="ScoreRunKinds.Official"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Official runs only: 1 for the first publication, n+1 for each correction.</summary>
    public int? Revision { get; set; }

    /// <summary>The official run this correction replaces.</summary>
    public Guid? Supersedes { get; set; }

    /// <summary>Why a correction was published (Vietnamese free text); null for revision 1 and provisional runs.</summary>
    public string? Reason { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The scoring-io input document, exactly as stored (text, not jsonb: the bytes matter).</summary>
    public string InputJson { get; set; } = "";

    /// <summary>The scoring-io output document, exactly as <c>ScoringRunJson.Write</c> wrote it.</summary>
    public string ResultJson { get; set; } = "";

    /// <summary>Official revisions after the first: units whose result differs from the superseded revision.</summary>
    public string[]? ChangedUnits { get; set; }

    /// <summary>A new run of <paramref name="kind"/> holding what was computed, scored by <paramref name="createdBy"/> (a <c>sub</c>).</summary>
    public static ScoreRun From(ComputedRun computed, string tenant, string kind, string createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Tenant = tenant,
        FrameworkId = computed.Framework.Id,
        FrameworkVersion = computed.Framework.Version,
        Period = computed.Request.Period,
        PeerGroup = computed.Request.PeerGroup!,
        Kind = kind,
        CreatedBy = createdBy,
        CreatedAt = now,
        InputJson = computed.InputJson,
        ResultJson = computed.ResultJson,
    };
}

public static class ScoreRunKinds
{
    public const string Provisional = "provisional";
    public const string Official = "official";
}
