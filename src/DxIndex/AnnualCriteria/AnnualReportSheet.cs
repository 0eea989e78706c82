using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// The province's annual report table as a spreadsheet: title and basis, then one row per criterion under its group
/// (I–IV) — STT, mã, tên tiêu chí, đơn vị tính, giá trị of the two years before and of the year (merged header "Giá trị"),
/// năm tham chiếu, xu hướng so với năm trước, loại nguồn số liệu, cơ quan báo cáo; notes below. Rates as percentages,
/// counts with thousands separators, frozen panes under the header, print area and repeated header rows, A4 landscape.
/// </summary>
internal static class AnnualReportSheet
{
    private const uint Plain = 0, Title = 1, Subtitle = 2, Header = 3, GroupRow = 4, TextCell = 5, CentreCell = 6,
        CountCell = 7, AmountCell = 8, PercentCell = 9, ScoreCell = 10, MissingCell = 11, Note = 12;

    public const string SheetName = "Báo cáo QĐ 2244";
    private const int Columns = 11;
    private const int HeaderRow = 5;

    public static byte[] Write(ProvinceYearView view)
    {
        var rows = new List<Row>();
        var merges = new List<string>();
        void Add(int r, params (int Column, object? Value, uint Style)[] cells)
        {
            var row = new Row { RowIndex = (uint)r };
            foreach (var (column, value, style) in cells) row.Append(Cell(column, r, value, style));
            rows.Add(row);
        }

        var y = view.Year;
        Add(1, (1, "BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ ĐÁNH GIÁ HIỆU QUẢ CỦA KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ ĐỐI VỚI PHÁT TRIỂN KINH TẾ - XÃ HỘI", Title));
        merges.Add("A1:K1");
        Add(2, (1, $"(Quyết định số 2244/QĐ-TTg ngày 13/10/2025 của Thủ tướng Chính phủ) — {view.Name}, năm {y}", Subtitle));
        merges.Add("A2:K2");
        Add(3, (1, view.Demo
            ? "DỮ LIỆU MINH HỌA — không phải số liệu báo cáo của tỉnh."
            : $"Số liệu đã duyệt: {view.Reported}/{view.Total} tiêu chí. Các cơ quan gửi Sở Khoa học và Công nghệ trước ngày 12/4/{y + 1}; Sở Khoa học và Công nghệ báo cáo trước ngày 15/4/{y + 1}.", Subtitle));
        merges.Add("A3:K3");

        string[] single = ["STT", "Mã tiêu chí", "Tên tiêu chí", "Đơn vị tính"];
        string[] after = ["Năm tham chiếu", "Xu hướng so với năm trước", "Loại nguồn số liệu", "Cơ quan báo cáo"];
        Add(HeaderRow, [.. single.Select((h, i) => (i + 1, (object?)h, Header)), (5, "Giá trị", Header), (6, null, Header), (7, null, Header),
            .. after.Select((h, i) => (i + 8, (object?)h, Header))]);
        Add(HeaderRow + 1, [.. Enumerable.Range(1, 4).Select(c => (c, (object?)null, Header)), (5, $"Năm {y - 2}", Header), (6, $"Năm {y - 1}", Header),
            (7, $"Năm {y}", Header), .. Enumerable.Range(8, 4).Select(c => (c, (object?)null, Header))]);
        foreach (var column in new[] { "A", "B", "C", "D", "H", "I", "J", "K" }) merges.Add($"{column}{HeaderRow}:{column}{HeaderRow + 1}");
        merges.Add($"E{HeaderRow}:G{HeaderRow}");

        var r = HeaderRow + 2;
        string[] roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
        for (var g = 0; g < view.Groups.Count; g++)
        {
            var group = view.Groups[g];
            Add(r, [(1, g < roman.Length ? roman[g] : (g + 1).ToString(CultureInfo.InvariantCulture), GroupRow), (2, $"{group.Code}. {group.Name}", GroupRow),
                .. Enumerable.Range(3, Columns - 2).Select(c => (c, (object?)null, GroupRow))]);
            merges.Add($"B{r}:K{r}");
            r++;
            for (var i = 0; i < group.Criteria.Count; i++, r++)
            {
                var c = group.Criteria[i];
                var style = NumberStyle(c);
                (int, object?, uint) ValueCell(int column, decimal? value) => value is { } v ? (column, v, style) : (column, "chưa có số liệu", MissingCell);
                Add(r, (1, (decimal)(i + 1), CentreCell), (2, c.Code, CentreCell), (3, c.Name, TextCell), (4, c.Unit ?? "", CentreCell),
                    ValueCell(5, c.Previous.SingleOrDefault(p => p.Year == y - 2)?.Value),
                    ValueCell(6, c.Previous.SingleOrDefault(p => p.Year == y - 1)?.Value),
                    ValueCell(7, c.Value),
                    (8, c.ReferenceYear is { } ry ? ry.ToString(CultureInfo.InvariantCulture) : "", CentreCell),
                    (9, c.Trend == Trend.NoData ? c.TrendText : $"{c.TrendArrow} {c.TrendText}", CentreCell),
                    (10, c.SourceTypeText, TextCell), (11, c.ReportingUnitName ?? c.LeadAgency ?? "", TextCell));
            }
        }
        var last = r - 1;
        r++;
        foreach (var note in new[]
        {
            "Ghi chú: tỷ lệ, tỷ trọng ghi theo phần trăm; \"chưa có số liệu\" là tiêu chí chưa được báo cáo hoặc chưa được duyệt (không phải số 0).",
            "Năm tham chiếu: năm của số liệu; các chỉ số quốc tế và tỷ trọng theo tài khoản quốc gia lấy số liệu năm trước năm báo cáo.",
            "Xu hướng so với năm trước theo chiều tốt của từng tiêu chí: ▲ cải thiện, ▼ kém đi, ▬ không đổi.",
        })
        {
            Add(r, (1, note, Note));
            merges.Add($"A{r}:K{r}");
            r++;
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var part = workbook.AddNewPart<WorksheetPart>();
            double[] widths = [6, 9, 60, 14, 14, 14, 14, 11, 18, 24, 36];
            var sheetViews = new SheetViews(new SheetView(new Pane
            {
                HorizontalSplit = 3, VerticalSplit = HeaderRow + 1, TopLeftCell = $"D{HeaderRow + 2}", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
            var data = new SheetData(rows);
            var mergeCells = new MergeCells(merges.Select(m => new MergeCell { Reference = m }));
            var margins = new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 };
            var setup = new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 };
            part.Worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), sheetViews, columns, data, mergeCells, margins, setup);
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = SheetName }));
            var quoted = $"'{SheetName}'";
            workbook.Workbook.Append(new DefinedNames(
                new DefinedName($"{quoted}!$A$1:$K${last}") { Name = "_xlnm.Print_Area", LocalSheetId = 0 },
                new DefinedName($"{quoted}!${HeaderRow}:${HeaderRow + 1}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return stream.ToArray();
    }

    private static uint NumberStyle(CriterionYearView c) => c.InputType switch
    {
        "fraction" => PercentCell,
        "count" => CountCell,
        "score" => ScoreCell,
        _ => AmountCell,
    };

    private static Cell Cell(int column, int row, object? value, uint style)
    {
        var cell = new Cell { CellReference = Letter(column) + row.ToString(CultureInfo.InvariantCulture), StyleIndex = style };
        switch (value)
        {
            case decimal number:
                cell.CellValue = new CellValue(number);
                break;
            case string text:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                break;
        }
        return cell;
    }

    public static string Letter(int column) => ((char)('A' + column - 1)).ToString();

    private static Stylesheet Styles()
    {
        Border Thin() => new(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        Alignment Align(HorizontalAlignmentValues h, bool wrap = true) => new() { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        CellFormat Format(uint font, uint fill, uint border, uint numFmt, Alignment? alignment) =>
            new(alignment is null ? [] : [alignment])
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, ApplyFont = font > 0, ApplyFill = fill > 0,
                ApplyBorder = border > 0, ApplyNumberFormat = numFmt > 0, ApplyAlignment = alignment is not null,
            };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.000" }) { Count = 2 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Times New Roman" }),
                new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Italic(), new Color { Rgb = "FF595959" }, new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })) { Count = 5 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid })) { Count = 4 },
            new Borders(new Border(), Thin()) { Count = 2 },
            new CellFormats(
                Format(0, 0, 0, 0, null),                                               // Plain
                Format(1, 0, 0, 0, Align(HorizontalAlignmentValues.Center)),            // Title
                Format(2, 0, 0, 0, Align(HorizontalAlignmentValues.Center)),            // Subtitle
                Format(3, 2, 1, 0, Align(HorizontalAlignmentValues.Center)),            // Header
                Format(3, 3, 1, 0, Align(HorizontalAlignmentValues.Left)),              // GroupRow
                Format(0, 0, 1, 0, Align(HorizontalAlignmentValues.Left)),              // TextCell
                Format(0, 0, 1, 0, Align(HorizontalAlignmentValues.Center)),            // CentreCell
                Format(0, 0, 1, 3, Align(HorizontalAlignmentValues.Right, false)),      // CountCell   #,##0
                Format(0, 0, 1, 4, Align(HorizontalAlignmentValues.Right, false)),      // AmountCell  #,##0.00
                Format(0, 0, 1, 164, Align(HorizontalAlignmentValues.Right, false)),    // PercentCell 0.0%
                Format(0, 0, 1, 165, Align(HorizontalAlignmentValues.Right, false)),    // ScoreCell   #,##0.000
                Format(4, 0, 1, 0, Align(HorizontalAlignmentValues.Center)),            // MissingCell
                Format(2, 0, 0, 0, Align(HorizontalAlignmentValues.Left))) { Count = 13 }); // Note
    }
}
