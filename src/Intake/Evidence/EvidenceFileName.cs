using System.Globalization;
using System.Text;

namespace Platform.Intake.Evidence;

/// <summary>
/// Makes the uploader's file name safe to show and to offer in a download: no directories, no control or
/// invisible formatting characters (CR/LF, right-to-left overrides), no quotes or characters Windows refuses,
/// at most <see cref="MaxLength"/> characters, and an extension that matches the recognised content.
/// The result is never used as a path.
/// </summary>
public static class EvidenceFileName
{
    public const int MaxLength = 200;
    private const string Fallback = "minh-chung";

    public static string Sanitise(string? raw, EvidenceType type)
    {
        // Half a surrogate pair cannot be normalised (nor shown): drop it first.
        var name = WithoutLoneSurrogates(raw ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (c is '"' or '\'' or '`' or '<' or '>' or ':' or '*' or '?' or '|') continue;
            clean.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        name = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (name.Length == 0) name = Fallback;

        // The extension says what the content is: "bao-cao.pdf" that holds a PNG becomes "bao-cao.pdf.png".
        var extension = Path.GetExtension(name).TrimStart('.');
        if (!type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            extension = type.Extensions[0];
            name = $"{name}.{extension}";
        }
        if (name.Length <= MaxLength) return name;
        var stemLength = MaxLength - extension.Length - 1;
        // Never cut a surrogate pair in half.
        if (char.IsHighSurrogate(name[stemLength - 1])) stemLength--;
        return $"{name[..stemLength].TrimEnd('.', ' ')}.{extension}";
    }

    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text[i]).Append(text[++i]);
            else if (!char.IsSurrogate(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }
}
