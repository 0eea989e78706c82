using System.Net;
using System.Text.Json;
using Platform.TestSupport.Browsing;

namespace Platform.TestSupport;

/// <summary>
/// Monthly scoring's public answer to "what is still missing for this month" (<see cref="Path"/>), as a reviewer, leader
/// or publisher reads it: the units of the peer group in the caller's part of the tree that still lack inputs, with the
/// keys of those inputs. A month starts with every registered unit listed, lacking everything; each approval intake
/// announces takes its inputs off. Tests of the whole platform wait on it for intake's events to reach scoring, as a
/// reviewer watching the month fill up would.
/// </summary>
/// <param name="Status">400 while scoring knows no unit of the peer group yet.</param>
public sealed record ScoringInputsStatus(HttpStatusCode Status, IReadOnlyDictionary<string, IReadOnlySet<string>> Lacking)
{
    public static string Path(string period, string peerGroup = "provinces") =>
        $"/api/monthly-scoring/periods/{period}/missing?peerGroup={peerGroup}";

    /// <summary>Asks through the gateway, as the person signed in to <paramref name="browser"/>.</summary>
    public static async Task<ScoringInputsStatus> ReadAsync(CookieBrowser browser, string period, string peerGroup = "provinces")
    {
        var page = await browser.SendAsync(HttpMethod.Get, Path(period, peerGroup));
        return Parse(page.Status, page.Body);
    }

    public static ScoringInputsStatus Parse(HttpStatusCode status, string body) => status != HttpStatusCode.OK
        ? new(status, new Dictionary<string, IReadOnlySet<string>>())
        : new(status, JsonDocument.Parse(body).RootElement.GetProperty("units").EnumerateArray().ToDictionary(
            u => u.GetProperty("unit").GetString()!,
            u => (IReadOnlySet<string>)u.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("key").GetString()!).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal));

    /// <summary>Scoring lists each of <paramref name="units"/>: it has them in the peer group (and, early in a month, lacking inputs).</summary>
    public bool Lists(params string[] units) => Status == HttpStatusCode.OK && units.All(Lacking.ContainsKey);

    /// <summary>
    /// Scoring lacks none of <paramref name="keys"/> for <paramref name="unit"/>. A unit it does not list lacks nothing, or is
    /// not registered yet: wait until it <see cref="Lists"/> the unit first, or ask for both.
    /// </summary>
    public bool Has(string unit, IEnumerable<string> keys) =>
        Status == HttpStatusCode.OK && !keys.Any(key => Lacking.TryGetValue(unit, out var lacking) && lacking.Contains(key));

    public override string ToString() => Status != HttpStatusCode.OK
        ? $"{(int)Status} {Status}"
        : $"{Lacking.Count} units lacking inputs: " + string.Join("; ", Lacking.OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => $"{u.Key} ({u.Value.Count}: {string.Join(", ", u.Value.Order(StringComparer.Ordinal))})"));
}
