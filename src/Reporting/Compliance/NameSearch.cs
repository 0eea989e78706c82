using System.Globalization;
using System.Text;

namespace Platform.Reporting.Compliance;

/// <summary>
/// Case- and diacritic-insensitive search on unit names without PostgreSQL's <c>unaccent</c> (not installed everywhere):
/// the database folds a name with <c>lower(translate(name, From, To))</c>, and the search text is folded the same way here.
/// "lao cai", "LÀO CAI" and "Lào Cai" all find "Tỉnh Lào Cai"; "đồng" finds "Đồng Nai" and "dong" too.
/// </summary>
public static class NameSearch
{
    /// <summary>Every letter with a diacritic (both cases, Latin-1 to Latin Extended Additional: all of Vietnamese).</summary>
    public static readonly string From;

    /// <summary>Its plain lower-case ASCII letter, position by position.</summary>
    public static readonly string To;

    private static readonly Dictionary<char, char> Fold = [];

    static NameSearch()
    {
        for (var c = '\u00C0'; c <= '\u1EF9'; c++)
        {
            if (c is 'Đ' or 'đ') continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length < 2 || !char.IsAsciiLetter(decomposed[0])) continue;
            if (decomposed.Skip(1).Any(m => CharUnicodeInfo.GetUnicodeCategory(m) != UnicodeCategory.NonSpacingMark)) continue;
            Fold[c] = char.ToLowerInvariant(decomposed[0]);
        }
        Fold['Đ'] = 'd';
        Fold['đ'] = 'd';
        From = new string([.. Fold.Keys]);
        To = new string([.. Fold.Values]);
    }

    /// <summary>The folded form of a search text (trimmed, NFC, no diacritics, lower case); null when blank.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var composed = text.Trim().Normalize(NormalizationForm.FormC);
        var folded = new StringBuilder(composed.Length);
        foreach (var c in composed) folded.Append(Fold.TryGetValue(c, out var plain) ? plain : char.IsAscii(c) ? char.ToLowerInvariant(c) : c);
        return folded.ToString();
    }
}
