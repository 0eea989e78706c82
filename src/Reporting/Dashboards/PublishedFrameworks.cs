using Platform.Scoring;

namespace Platform.Reporting.Dashboards;

/// <summary>A group (monthly: A–E; DTI: pillars 1–8) as a column header: its code, the name people read, its maximum.</summary>
public sealed record GroupHeader(string Code, string Name, decimal? Max);

/// <summary>Names of published frameworks and their groups, from the framework store (the version a publication names).</summary>
public static class PublishedFrameworks
{
    public static string Name(FrameworkCatalog catalog, string framework, string? version, string period) =>
        Find(catalog, framework, version, period)?.Definition.Name ?? framework;

    public static IReadOnlyList<GroupHeader> Groups(FrameworkCatalog catalog, string framework, string? version, string period) =>
        Find(catalog, framework, version, period)?.Definition.Groups.Select(g => new GroupHeader(g.Code, g.Name, g.Max > 0 ? g.Max : null)).ToList()
        ?? [];

    /// <summary>"Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ" — the framework's legal basis, when recorded.</summary>
    public static string? LegalBasis(FrameworkCatalog catalog, string framework, string? version, string period) =>
        Find(catalog, framework, version, period)?.Definition.LegalBasis?.Describe();

    private static Scoring.Engine.CompiledFramework? Find(FrameworkCatalog catalog, string framework, string? version, string period) =>
        (version is null ? null : catalog.Find(framework, version, period)) ?? catalog.Find(framework, null, period)
        ?? catalog.All.LastOrDefault(f => f.Id == framework);

    /// <summary>A jsonb object of code → score read as text; null or malformed → empty.</summary>
    public static IReadOnlyDictionary<string, decimal> Scores(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, decimal>();
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, decimal>();
        }
    }
}
