namespace Platform.DxIndex.Dti;

/// <summary>Settings under <c>DxIndex:Dti</c>.</summary>
public sealed class DtiOptions
{
    public const string Section = "DxIndex:Dti";

    /// <summary>The framework this feature scores; approvals of other frameworks are acknowledged and ignored.</summary>
    public const string FrameworkId = "dti-province-405";

    /// <summary>The peer group the index ranks: the 34 provinces and centrally-run cities.</summary>
    public const string PeerGroup = "provinces";

    /// <summary>
    /// <c>DxIndex:Dti:DemoData</c>: store illustrative approved values ("dữ liệu minh họa") for year 2025 at start-up
    /// (<see cref="Demo.DemoDataSeeder"/>). Default false; AppHost turns it on for the development platform.
    /// </summary>
    public bool DemoData { get; set; }

    /// <summary>
    /// <c>DxIndex:Dti:References</c>: external reference bests for relative-to-best indicators, keyed by indicator code
    /// (the engine's <c>ScoringRequest.References</c>; in this framework only <c>7.5</c>, a ratio such as 0.8 domain names
    /// per enterprise). Optional; when given, the reference counts as one more peer value in every run, provisional and official.
    /// </summary>
    public Dictionary<string, decimal> References { get; set; } = [];

    /// <summary>
    /// <c>DxIndex:Dti:KnownSubscribers</c>: names of the outside systems known to receive <c>DxIndexPublished</c>, shown to
    /// the publisher before publishing. Informational: every queue bound to the exchange receives the event.
    /// </summary>
    public List<string> KnownSubscribers { get; set; } = [];
}
