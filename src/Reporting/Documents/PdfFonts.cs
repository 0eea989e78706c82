using PdfSharp.Fonts;

namespace Platform.Reporting.Documents;

/// <summary>
/// The fonts PDF exports use: DejaVu Sans and DejaVu Sans Bold, shipped inside this assembly (<c>Fonts/</c>, with their
/// licence) so that every Vietnamese letter renders the same on every machine; nothing is read from the system.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>Registers the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts) GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Platform.Reporting.Documents.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in the reporting assembly. Fix: keep src/Reporting/Documents/Fonts/*.ttf as EmbeddedResource.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
