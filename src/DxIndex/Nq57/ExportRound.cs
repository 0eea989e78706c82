using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Nq57;

/// <summary>
/// <c>GET /api/dx-index/nq57/rounds/{round}/export?unit=</c>: the round's results as an .xlsx — the list as
/// <see cref="ReadRound"/> gives it (title, column headers in bold, scores as numbers shown with two decimals, panes
/// frozen under the headers and after the commune's name) and a second sheet with the criteria most often missed.
/// </summary>
public static class ExportRound
{
    private const uint Plain = 0, Header = 1, Number = 2, Title = 3;
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string round, string? unit,
        [AsParameters] Nq57Services services, CancellationToken ct)
    {
        if (services.User.OrgUnit() is not { } caller) return ApiProblems.NoUnit();
        var view = await ReadRound.LoadAsync(services, caller, round, unit, ct);
        if (view is null) return ReadCommune.NotFound(unit ?? caller);
        return TypedResults.File(Write(view, services.Time.GetUtcNow()), ContentType, $"nq57-{round}-{view.Scope}.xlsx");
    }

    public static byte[] Write(Nq57RoundView view, DateTimeOffset now)
    {
        var vietnam = now.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var results = new List<(uint, object?[])>
        {
            (Title, [$"Kết quả tự đánh giá, chấm điểm thực hiện Nghị quyết 57-NQ/TW — đợt {view.Round} — {view.ScopeName}"]),
            (Plain, [$"{view.Communes} đơn vị cấp xã; {view.Submitted} đã nộp, {view.NotSubmitted} chưa nộp; {view.Decided} đã có điểm cuối cùng. Xuất lúc {vietnam} (giờ Việt Nam)."
                     + (view.Demo ? " Có dữ liệu minh họa (đánh dấu ở cột cuối)." : "")]),
            (Header, ["Hạng", "Mã đơn vị", "Xã/phường", "Tỉnh", "Trạng thái", "Nộp muộn", "Tự đánh giá", "Thẩm định", "Điểm cuối cùng",
                      "Nhóm A (70)", "Nhóm B (30)", "Lần quyết định", "Ghi chú"]),
        };
        foreach (var r in view.Rows)
        {
            results.Add((Plain, [r.Rank is { } rank ? (decimal)rank : null, r.Unit, r.Name, r.ProvinceName, r.StateName, r.Late ? "Có" : "",
                r.SelfTotal, r.ReviewerTotal, r.FinalTotal, r.FinalA, r.FinalB, r.DecisionRevision is { } dr ? (decimal)dr : null,
                string.Join("; ", new[] { r.Demo ? "dữ liệu minh họa" : null, r.DecisionOutdated ? "cần quyết định lại (đã thẩm định lại)" : null }.Where(n => n is not null))]));
        }
        var missed = new List<(uint, object?[])>
        {
            (Title, [$"Tiêu chí hay bị trừ điểm — đợt {view.Round} — {view.ScopeName}"]),
            (Plain, [$"Số đơn vị có điểm cuối cùng thấp hơn điểm tối đa của tiêu chí, trên {view.Decided} đơn vị đã có điểm cuối cùng."]),
            (Header, ["Mã", "Tiêu chí", "Điểm tối đa", "Số đơn vị chưa đạt tối đa", "Điểm bình quân"]),
        };
        missed.AddRange(view.MostMissed.Select(m => (Plain, new object?[] { m.Code, m.Name, m.Max, (decimal)m.Communes, m.AverageFinal })));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, "Kết quả", results, [7, 26, 30, 18, 22, 10, 13, 13, 15, 12, 12, 14, 30], frozenColumns: 3, numberFrom: 6);
            AddSheet(workbook, sheets, 2, "Tiêu chí hay bị trừ", missed, [12, 80, 12, 16, 14], frozenColumns: 2, numberFrom: 2);
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, List<(uint Style, object?[] Cells)> rows,
        double[] widths, int frozenColumns, int numberFrom)
    {
        const int headerRow = 3;
        var part = workbook.AddNewPart<WorksheetPart>();
        var topLeft = Letter(frozenColumns + 1) + (headerRow + 1).ToString(CultureInfo.InvariantCulture);
        var views = new SheetViews(new SheetView(new Pane
        {
            HorizontalSplit = frozenColumns, VerticalSplit = headerRow, TopLeftCell = topLeft,
            ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen,
        }, new Selection { Pane = PaneValues.BottomRight, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        { WorkbookViewId = 0 });
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var (style, cells) = rows[r];
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is not { } value) continue;
                var cell = new Cell { CellReference = Letter(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture), StyleIndex = style };
                if (value is decimal number)
                {
                    cell.CellValue = new CellValue(number);
                    if (style == Plain && c >= numberFrom) cell.StyleIndex = Number;
                }
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text((string)value) { Space = SpaceProcessingModeValues.Preserve });
                }
                row.Append(cell);
            }
            data.Append(row);
        }
        part.Worksheet = new Worksheet(views, columns, data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string Letter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 13 })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true }) { Count = 4 });
}
