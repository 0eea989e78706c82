namespace Platform.Web.Api;

/// <summary>
/// The names of organisation units by code, for tables that list codes (review queue, rankings, bonuses). One listing
/// of the caller's subtree covers the usual case; codes it misses (a large subtree, a unit that has since closed) are
/// looked up one by one, at most <see cref="MaxSingleLookups"/>. A code that cannot be found stays as it is.
/// </summary>
public static class UnitNameLookup
{
    public const int MaxSingleLookups = 40;

    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(PlatformApi api, IEnumerable<string> codes,
        CancellationToken cancellationToken = default)
    {
        var wanted = codes.Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0) return names;

        var listing = await api.GetAsync<PageOf<UnitRevision>>("/api/intake/units?pageSize=500", cancellationToken);
        foreach (var unit in listing.Value?.Items ?? [])
        {
            if (wanted.Contains(unit.Code)) names[unit.Code] = unit.Name;
        }
        var missing = wanted.Where(c => !names.ContainsKey(c)).Order(StringComparer.Ordinal).Take(MaxSingleLookups).ToList();
        var found = await Task.WhenAll(missing.Select(async code =>
            (code, (await api.GetAsync<UnitDetail>($"/api/intake/units/{Uri.EscapeDataString(code)}", cancellationToken)).Value?.Current.Name)));
        foreach (var (code, name) in found)
        {
            if (name is not null) names[code] = name;
        }
        return names;
    }

    /// <summary>"Sở Khoa học và Công nghệ tỉnh Lào Cai" or the code when the name is unknown.</summary>
    public static string NameOf(this IReadOnlyDictionary<string, string> names, string code) =>
        names.TryGetValue(code, out var name) ? name : code;
}
