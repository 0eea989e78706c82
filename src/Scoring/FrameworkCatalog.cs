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

    /// <summary>The version named, or the one in force for the period when <paramref name="version"/> is null.</summary>
    public CompiledFramework? Find(string id, string? version, string period) =>
        version is null
            ? _frameworks.FirstOrDefault(f => f.Id == id && Period.Within(period, f.Definition.EffectiveFrom, f.Definition.EffectiveTo))
            : _frameworks.FirstOrDefault(f => f.Id == id && f.Version == version);

    public static FrameworkDefinition Parse(string json) =>
        JsonSerializer.Deserialize<FrameworkDefinition>(json, Json) ?? throw new JsonException("empty framework definition");

    /// <summary>The definitions shipped with the engine (<c>Frameworks/*.json</c>): the seed of every service's store and the CLI's offline catalogue.</summary>
    public static IReadOnlyList<FrameworkDefinition> ShippedDefinitions()
    {
        var assembly = typeof(FrameworkCatalog).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Platform.Scoring.Frameworks.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return Parse(reader.ReadToEnd());
            });
        return [.. definitions];
    }

    /// <summary>A new catalogue of the shipped definitions.</summary>
    public static FrameworkCatalog Shipped() => new(ShippedDefinitions());

    private static bool Overlap(FrameworkDefinition a, FrameworkDefinition b)
    {
        static (int, int) Start(string p) { _ = Period.TryParse(p, out var x); return x.Month == 0 ? (x.Year, 1) : x; }
        static (int, int) End(string? p) { if (p is null) return (9999, 12); _ = Period.TryParse(p, out var x); return x.Month == 0 ? (x.Year, 12) : x; }
        return Start(a.EffectiveFrom).CompareTo(End(b.EffectiveTo)) <= 0 && Start(b.EffectiveFrom).CompareTo(End(a.EffectiveTo)) <= 0;
    }
}
