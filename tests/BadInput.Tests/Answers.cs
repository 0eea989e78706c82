using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.BadInput.Tests;

/// <summary>How a service answered one bad request, and what is wrong with the answer (<see cref="Failure"/>, null when fine).</summary>
public sealed record Answer(int Status, bool NamesField, string? Failure, string Body, bool Masked = false);

/// <summary>
/// The rule every answer to a bad request follows: never a 5xx; a 4xx is <c>application/problem+json</c> with a Vietnamese
/// <c>title</c> and <c>detail</c>; a 400/422 to a field-level mistake names the field in <c>errors</c> (its JSON name or
/// path, or the parameter's name), and a 400 to a body that is wrong as a whole names something (<c>body</c>).
/// </summary>
public static partial class Answers
{
    /// <param name="baseKeys">
    /// The <c>errors</c> keys of the answer to the valid-shaped request: a 400 to a mutation that names only those was stopped
    /// by something the mutation did not touch (the valid-shaped request is only as valid as a schema can make it), and
    /// counts as <see cref="Answer.Masked"/>, not as a failure.
    /// </param>
    public static async Task<Answer> CheckAsync(BadCase bad, HttpResponseMessage response, IReadOnlySet<string> baseKeys, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        var shown = body.Length > 600 ? body[..600] + "…" : body;
        if (status >= 500) return new Answer(status, false, $"{status} server error", shown);
        if (status < 400) return new Answer(status, false, null, shown);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return new Answer(status, false, $"{status} without problem details ({response.Content.Headers.ContentType})", shown);
        JsonDocument problem;
        try { problem = JsonDocument.Parse(body); }
        catch (JsonException) { return new Answer(status, false, $"{status} problem that is not JSON", shown); }
        using (problem)
        {
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (!Vietnamese(title) || !Vietnamese(detail)) return new Answer(status, false, $"{status} problem without a Vietnamese title and detail", shown);
            var keys = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().Select(p => Normalize(p.Name)).ToList() : [];
            var names = bad.FieldLevel ? keys.Any(k => bad.Fields.Any(f => Matches(k, Normalize(f)))) : keys.Count > 0;
            if (status is 400 or 422 && !names && keys.Count > 0 && keys.All(baseKeys.Contains))
                return new Answer(status, false, null, shown, Masked: true);
            if (status is 400 or 422 && !names)
            {
                return new Answer(status, false, bad.FieldLevel
                    ? $"{status} problem not naming {string.Join(" or ", bad.Fields.Distinct())} (errors: {string.Join(", ", keys)})"
                    : $"{status} problem naming no field", shown);
            }
            return new Answer(status, names, null, shown);
        }
    }

    /// <summary>Vietnamese: has letters outside ASCII (the diacritics every Vietnamese sentence has).</summary>
    private static bool Vietnamese(string? text) => text is { Length: > 0 } && text.Any(c => c > 127);

    private static bool Matches(string key, string field) =>
        key == field || Last(key) == Last(field) || field.StartsWith(key + ".", StringComparison.Ordinal) || key.StartsWith(field + ".", StringComparison.Ordinal);

    /// <summary>The normalized <c>errors</c> keys of a problem, none when it is not one.</summary>
    public static async Task<IReadOnlySet<string>> KeysAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return new HashSet<string>();
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return problem.RootElement.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().Select(p => Normalize(p.Name)).ToHashSet() : new HashSet<string>();
        }
        catch (JsonException) { return new HashSet<string>(); }
    }

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary><c>$.values['A'].items[0]</c> → <c>values.a.items.0</c>.</summary>
    public static string Normalize(string key)
    {
        var k = key.Trim();
        if (k.StartsWith("$.", StringComparison.Ordinal)) k = k[2..];
        else if (k.StartsWith('$')) k = k[1..];
        k = Bracket().Replace(k, m => "." + m.Groups[1].Value + m.Groups[2].Value);
        return k.Trim('.').ToLowerInvariant();
    }

    [GeneratedRegex(@"\[(?:'([^']*)'|(\d+))\]")]
    private static partial Regex Bracket();
}
