using System.Text.Json;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Scoring;

/// <summary>
/// The framework versions the engine knows: the definitions shipped in <c>Frameworks/*.json</c>, or any
/// set of definitions loaded from elsewhere (a database, later). Versions of one framework may not
/// overlap in time, so every period has exactly one version in force.
/// </summary>
public sealed class FrameworkCatalog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly List<CompiledFramework> _frameworks;

    public FrameworkCatalog(IEnumerable<FrameworkDefinition> definitions)
    {
        var problems = new List<string>();
        _frameworks = [];
        foreach (var definition in definitions)
        {
            try
            {
                _frameworks.Add(CompiledFramework.Compile(definition));
            }
            catch (FrameworkDefinitionException ex)
            {
                problems.Add(ex.Message);
            }
        }
        foreach (var versions in _frameworks.GroupBy(f => f.Id))
        {
            var list = versions.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (Overlap(list[i].Definition, list[j].Definition))
                        problems.Add($"{versions.Key}: hiệu lực của phiên bản \"{list[i].Version}\" và \"{list[j].Version}\" chồng lên nhau");
                }
            }
        }
        if (problems.Count > 0) throw new FrameworkDefinitionException("catalogue", problems);
    }

    public IReadOnlyList<CompiledFramework> All => _frameworks;

    /// <summary>
    /// A catalogue of stored versions, however they arrived: each version is in force from its <c>effectiveFrom</c>
    /// until the period before the next version of the same framework takes effect (or its own <c>effectiveTo</c>, if
    /// earlier). So a store never holds overlapping versions, whatever order the versions were learnt in.
    /// </summary>
    public static FrameworkCatalog FromVersions(IEnumerable<FrameworkDefinition> versions)
    {
        var bounded = new List<FrameworkDefinition>();
        foreach (var framework in versions.GroupBy(v => v.Id, StringComparer.Ordinal))
        {
            var ordered = framework.OrderBy(v => Start(v.EffectiveFrom)).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var version = ordered[i];
                if (i + 1 < ordered.Count && Before(ordered[i + 1].EffectiveFrom) is { } before
                    && (version.EffectiveTo is null || End(version.EffectiveTo).CompareTo(End(before)) > 0))
                    version = version with { EffectiveTo = before };
                bounded.Add(version);
            }
        }
        return new FrameworkCatalog(bounded);
    }

    /// <summary>The period just before <paramref name="period"/>, in its own form: <c>2026-07</c> → <c>2026-06</c>, <c>2027</c> → <c>2026</c>.</summary>
    public static string? Before(string period)
    {
        if (!Period.TryParse(period, out var p)) return null;
        if (p.Month == 0) return (p.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (year, month) = p.Month == 1 ? (p.Year - 1, 12) : (p.Year, p.Month - 1);
        return $"{year:D4}-{month:D2}";
    }

    /// <summary>The version named, or the one in force for the period when <paramref name="version"/> is null.</summary>
    public CompiledFramework? Find(string id, string? version, string period) =>
        version is null
            ? _frameworks.FirstOrDefault(f => f.Id == id && Period.Within(period, f.Definition.EffectiveFrom, f.Definition.EffectiveTo))
            : _frameworks.FirstOrDefault(f => f.Id == id && f.Version == version);

    public static FrameworkDefinition Parse(string json) =>
        JsonSerializer.Deserialize<FrameworkDefinition>(json, Json) ?? throw new JsonException("empty framework definition");

    /// <summary>The definitions shipped with the engine (<c>Frameworks/*.json</c>): the seed of every service's store and the CLI's offline catalogue.</summary>
    public static IReadOnlyList<FrameworkDefinition> ShippedDefinitions() => [.. ShippedFiles().Select(Parse)];

    /// <summary>The JSON text of every shipped definition, in file-name order.</summary>
    public static IReadOnlyList<string> ShippedFiles()
    {
        var assembly = typeof(FrameworkCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Platform.Scoring.Frameworks.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            })];
    }

    /// <summary>A new catalogue of the shipped definitions.</summary>
    public static FrameworkCatalog Shipped() => new(ShippedDefinitions());

    private static (int, int) Start(string p) { _ = Period.TryParse(p, out var x); return x.Month == 0 ? (x.Year, 1) : x; }

    private static (int, int) End(string? p) { if (p is null) return (9999, 12); _ = Period.TryParse(p, out var x); return x.Month == 0 ? (x.Year, 12) : x; }

    private static bool Overlap(FrameworkDefinition a, FrameworkDefinition b)
    {
        return Start(a.EffectiveFrom).CompareTo(End(b.EffectiveTo)) <= 0 && Start(b.EffectiveFrom).CompareTo(End(a.EffectiveTo)) <= 0;
    }
}
