namespace Platform.Web.Components.Admin;

/// <summary>Input keys (or patterns such as <c>3.1.*</c>) typed one per line or separated by commas, semicolons or spaces.</summary>
public static class InputKeyList
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    public static string Format(IEnumerable<string> keys) => string.Join(", ", keys);
}
