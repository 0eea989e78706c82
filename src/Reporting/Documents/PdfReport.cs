using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Platform.Reporting.Documents;

/// <summary>
/// A <see cref="ReportDocument"/> as an A4 PDF: issuer and title on page 1, each table with its header (and merged group
/// header) repeated on every page, numbers right-aligned in vi-VN form, long names wrapped to two lines then cut with
/// "…", the notes, and on every page the legal footer (<see cref="SourceLines"/>) and "Trang x/y" — drawn after the last
/// page, when the count is known. Fonts: DejaVu Sans, embedded as subsets (<see cref="PdfFonts"/>).
/// PDFsharp keeps the document in memory until it is saved (see docs/reporting.md for what 41,000 rows cost).
/// </summary>
public static class PdfReport
{
    public const string ContentType = "application/pdf";

    private const double Margin = 28, Pad = 2.5, Line = 9.2, FooterHeight = 30;
    private static readonly XPen Rule = new(XColors.Black, 0.4);
    private static readonly XBrush Ink = XBrushes.Black, HeaderFill = new XSolidBrush(XColor.FromArgb(0xD9, 0xD9, 0xD9));

    /// <summary>Lays the document out and saves it to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(ReportDocument document, Stream output, CancellationToken ct)
    {
        PdfFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = string.Join(" · ", document.Subtitles);
        pdf.Info.Author = document.Issuer ?? "";
        pdf.Info.CreationDate = document.Source.GeneratedAt.UtcDateTime;
        pdf.Options.CompressContentStreams = true;

        var layout = new Layout(pdf, document.Landscape);
        layout.Start(document);
        foreach (var table in document.Tables) await layout.TableAsync(table, ct);
        layout.Notes(document.Notes);
        layout.Finish(SourceLines.For(document.Source));
        pdf.Save(output, closeStream: false);
    }

    private sealed class Layout(PdfDocument pdf, bool landscape)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly XFont body = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont bold = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold, Unicode);
        private readonly XFont small = new(PdfFonts.Family, 6.5, XFontStyleEx.Regular, Unicode);
        private readonly List<PdfPage> pages = [];
        private XGraphics? gfx;
        private double width, bottom, y;

        private XGraphics G => gfx!;

        public void Start(ReportDocument document)
        {
            NewPage();
            if (document.Issuer is not null) Centred(document.Issuer, new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold, Unicode), 13);
            y += 6;
            Centred(document.Title, new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold, Unicode), 16);
            var subtitle = new XFont(PdfFonts.Family, 9, XFontStyleEx.Regular, Unicode);
            foreach (var line in document.Subtitles) Centred(line, subtitle, 12);
            y += 8;
        }

        public async Task TableAsync(ReportTable table, CancellationToken ct)
        {
            var columns = table.Columns;
            var total = columns.Sum(c => c.Width);
            var widths = columns.Select(c => c.Width / total * width).ToArray();
            var lefts = new double[columns.Count + 1];
            lefts[0] = Margin;
            for (var i = 0; i < columns.Count; i++) lefts[i + 1] = lefts[i] + widths[i];
            var numeric = columns.Select(c => CellText.IsNumber(c.Kind)).ToArray();
            var grouped = columns.Any(c => c.Group is not null);
            var headerLines = columns.Select((c, i) => Wrap(c.Header, bold, widths[i] - 2 * Pad, 4)).ToArray();
            var headerHeight = headerLines.Max(l => l.Count) * Line + 2 * Pad;
            var groupHeight = grouped ? Line + 2 * Pad : 0;

            if (y + 14 + groupHeight + headerHeight + Line * 2 > bottom) NewPage();
            G.DrawString(table.Heading, bold, Ink, new XRect(Margin, y, width, 12), XStringFormats.TopLeft);
            y += 14;
            var top = Header();
            await foreach (var values in table.Rows.WithCancellation(ct))
            {
                var cells = new List<string>[columns.Count];
                var lines = 1;
                for (var i = 0; i < columns.Count; i++)
                {
                    var text = CellText.ForPeople(i < values.Count ? values[i] : null, columns[i].Kind);
                    cells[i] = numeric[i] ? [text] : Wrap(text, body, widths[i] - 2 * Pad, 2);
                    lines = Math.Max(lines, cells[i].Count);
                }
                var height = lines * Line + 2 * Pad;
                if (y + height > bottom)
                {
                    Verticals(top);
                    NewPage();
                    top = Header();
                }
                for (var i = 0; i < columns.Count; i++)
                    for (var l = 0; l < cells[i].Count; l++)
                        Text(cells[i][l], body, lefts[i], widths[i], y + Pad + l * Line, numeric[i]);
                y += height;
                G.DrawLine(Rule, Margin, y, Margin + width, y);
            }
            Verticals(top);
            y += 10;

            double Header()
            {
                var start = y;
                G.DrawRectangle(HeaderFill, Margin, y, width, groupHeight + headerHeight);
                for (var i = 0; i < columns.Count; i++)
                {
                    var group = columns[i].Group;
                    if (group is null)
                    {
                        Block(headerLines[i], lefts[i], widths[i], y, groupHeight + headerHeight);
                        continue;
                    }
                    if (i == 0 || columns[i - 1].Group != group)
                    {
                        var end = i;
                        while (end + 1 < columns.Count && columns[end + 1].Group == group) end++;
                        var span = lefts[end + 1] - lefts[i];
                        Block(Wrap(group, bold, span - 2 * Pad, 1), lefts[i], span, y, groupHeight);
                        G.DrawLine(Rule, lefts[i], y + groupHeight, lefts[end + 1], y + groupHeight);
                    }
                    Block(headerLines[i], lefts[i], widths[i], y + groupHeight, headerHeight);
                }
                G.DrawLine(Rule, Margin, y, Margin + width, y);
                y += groupHeight + headerHeight;
                G.DrawLine(Rule, Margin, y, Margin + width, y);
                return start;
            }

            void Verticals(double from)
            {
                for (var i = 0; i <= columns.Count; i++)
                {
                    // Group header cells span their run: no rule between grouped columns above the group's line.
                    var joined = i > 0 && i < columns.Count && columns[i].Group is { } g && columns[i - 1].Group == g;
                    G.DrawLine(Rule, lefts[i], joined ? from + groupHeight : from, lefts[i], y);
                }
            }
        }

        public void Notes(IReadOnlyList<string> notes)
        {
            foreach (var note in notes)
                foreach (var line in Wrap(note, body, width, int.MaxValue))
                {
                    if (y + Line > bottom) NewPage();
                    G.DrawString(line, body, Ink, new XRect(Margin, y, width, Line), XStringFormats.TopLeft);
                    y += Line;
                }
        }

        /// <summary>The legal footer and "Trang x/y" on every page, now that the page count is known.</summary>
        public void Finish(IReadOnlyList<string> source)
        {
            gfx?.Dispose();
            gfx = null;
            for (var p = 0; p < pages.Count; p++)
            {
                using var footer = XGraphics.FromPdfPage(pages[p], XGraphicsPdfPageOptions.Append);
                var top = pages[p].Height.Point - Margin - FooterHeight + 6;
                footer.DrawLine(Rule, Margin, top, Margin + width, top);
                var pageText = $"Trang {p + 1}/{pages.Count}";
                var pageWidth = footer.MeasureString(pageText, bold).Width;
                for (var l = 0; l < source.Count; l++)
                    footer.DrawString(Fit(source[l], small, width - pageWidth - 12, footer), small, Ink,
                        new XRect(Margin, top + 3 + l * 8.5, width, 8.5), XStringFormats.TopLeft);
                footer.DrawString(pageText, bold, Ink, new XRect(Margin, top + 3, width, 9), XStringFormats.TopRight);
            }
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
            pages.Add(page);
            gfx = XGraphics.FromPdfPage(page);
            width = page.Width.Point - 2 * Margin;
            bottom = page.Height.Point - Margin - FooterHeight;
            y = Margin;
        }

        private void Centred(string text, XFont font, double height)
        {
            foreach (var line in Wrap(text, font, width, int.MaxValue))
            {
                G.DrawString(line, font, Ink, new XRect(Margin, y, width, height), XStringFormats.TopCenter);
                y += height;
            }
        }

        private void Text(string text, XFont font, double left, double cellWidth, double top, bool right)
        {
            if (text.Length == 0) return;
            var rect = new XRect(left + Pad, top, cellWidth - 2 * Pad, Line);
            G.DrawString(text, font, Ink, rect, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
        }

        /// <summary>Header text centred in its cell, both ways.</summary>
        private void Block(List<string> lines, double left, double cellWidth, double top, double height)
        {
            var start = top + (height - lines.Count * Line) / 2;
            for (var l = 0; l < lines.Count; l++)
                G.DrawString(lines[l], bold, Ink, new XRect(left + Pad, start + l * Line, cellWidth - 2 * Pad, Line), XStringFormats.TopCenter);
        }

        /// <summary>Greedy word wrap to at most <paramref name="maxLines"/>; what does not fit ends the last line with "…".</summary>
        private List<string> Wrap(string text, XFont font, double available, int maxLines)
        {
            if (text.Length == 0 || G.MeasureString(text, font).Width <= available) return [text];
            var lines = new List<string>();
            var current = "";
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var w = 0; w < words.Length; w++)
            {
                var candidate = current.Length == 0 ? words[w] : current + " " + words[w];
                if (current.Length > 0 && G.MeasureString(candidate, font).Width > available)
                {
                    if (lines.Count == maxLines - 1)
                        return [.. lines, Fit(string.Join(' ', [current, .. words[w..]]), font, available, G)];
                    lines.Add(current);
                    current = words[w];
                }
                else current = candidate;
            }
            lines.Add(Fit(current, font, available, G));
            return lines;
        }

        private static string Fit(string text, XFont font, double available, XGraphics graphics)
        {
            if (graphics.MeasureString(text, font).Width <= available) return text;
            var cut = text.Length;
            while (cut > 0 && graphics.MeasureString(text[..cut] + "…", font).Width > available) cut--;
            return text[..cut].TrimEnd() + "…";
        }
    }
}
