using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Reporting.Documents;

/// <summary>
/// The workbook's styles part: Times New Roman (Vietnamese official documents), bold headers on grey with borders, and
/// the number formats (Excel shows them with the reader's separators: 1.234,50 on a Vietnamese machine).
/// </summary>
internal static class XlsxStyles
{
    public const uint Title = 1, Issuer = 2, Header = 3, Subtitle = 10, Footer = 11, Heading = 12;

    /// <summary>The style of a body cell of <paramref name="kind"/>.</summary>
    public static uint Body(CellKind kind) => kind switch
    {
        CellKind.Count => 5,
        CellKind.Decimal2 => 6,
        CellKind.Change2 => 7,
        CellKind.Percent1 => 8,
        CellKind.DateTime => 9,
        _ => 4,
    };

    /// <summary>The number format each kind is written with (what a reader of the workbook finds in the cell).</summary>
    public static string? Format(CellKind kind) => kind switch
    {
        CellKind.Count => "#,##0",
        CellKind.Decimal2 => "#,##0.00",
        CellKind.Change2 => "+#,##0.00;-#,##0.00;0.00",
        CellKind.Percent1 => "0.0%",
        CellKind.DateTime => "dd/mm/yyyy hh:mm",
        _ => null,
    };

    public static Stylesheet Create()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = Format(CellKind.Change2) },
            new NumberingFormat { NumberFormatId = 165, FormatCode = Format(CellKind.Percent1) },
            new NumberingFormat { NumberFormatId = 166, FormatCode = Format(CellKind.DateTime) },
            new NumberingFormat { NumberFormatId = 167, FormatCode = Format(CellKind.Count) },
            new NumberingFormat { NumberFormatId = 168, FormatCode = Format(CellKind.Decimal2) }) { Count = 5 };
        var fonts = new Fonts(Font(11, bold: false), Font(11, bold: true), Font(14, bold: true), Font(10, bold: false, italic: true)) { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder())) { Count = 2 };
        var centred = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        var xfs = new CellFormats(
            Xf(0, 0, 0, 0),                                            // 0 default
            Xf(0, 2, 0, 0, centred),                                   // 1 title
            Xf(0, 1, 0, 0, centred),                                   // 2 issuer
            Xf(0, 1, 2, 1, centred),                                   // 3 header
            Xf(0, 0, 0, 1, new Alignment { Vertical = VerticalAlignmentValues.Top }), // 4 text
            Xf(167, 0, 0, 1),                                          // 5 count
            Xf(168, 0, 0, 1),                                          // 6 decimal2
            Xf(164, 0, 0, 1),                                          // 7 change2
            Xf(165, 0, 0, 1),                                          // 8 percent1
            Xf(166, 0, 0, 1),                                          // 9 datetime
            Xf(0, 0, 0, 0, centred),                                   // 10 subtitle
            Xf(0, 3, 0, 0),                                            // 11 footer
            Xf(0, 1, 0, 0)) { Count = 13 };                            // 12 heading
        return new Stylesheet(formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, bool italic = false)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static T Thin<T>(T border) where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Append(new Color { Indexed = 64 });
        return border;
    }

    private static CellFormat Xf(uint numberFormat, uint font, uint fill, uint border, Alignment? alignment = null)
    {
        var xf = new CellFormat
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null, ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null, ApplyBorder = border != 0 ? true : null,
        };
        if (alignment is not null)
        {
            xf.ApplyAlignment = true;
            xf.Append((Alignment)alignment.CloneNode(true));
        }
        return xf;
    }
}
