using Platform.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Intake.Calendar;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Bulk;

/// <summary>
/// <c>GET /api/intake/templates/{framework}/{period}?format=xlsx|csv</c>: the caller's unit's data-entry sheet, laid out
/// like the seed tables (units down, inputs across, Vietnamese headers) and pre-filled with its current values; the xlsx
/// has a second sheet "Hướng dẫn".
/// </summary>
public static class DownloadTemplate
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, string? format, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        format ??= "xlsx";
        if (format is not ("xlsx" or "csv")) return ApiProblems.InvalidByKey("format", $"Định dạng '{format}' không được hỗ trợ; dùng xlsx hoặc csv.");
        var tenant = options.Value.Tenant;
        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return FrameworkProblems.NotInForce(frameworks, framework, period);
        var schedule = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return ApiProblems.InvalidByKey(schedule.Field, schedule.Error);

        var rows = await Template.RowsAsync(db, tenant, caller.Unit, definition, period, calendar, time, ct);
        var columns = Template.Columns(definition, rows);
        List<IReadOnlyList<object?>> sheet =
        [
            ["Mã đơn vị", "Tên đơn vị", .. columns.Select(Template.HeaderOf)],
            [Template.UnitKey, Template.UnitNameKey, .. columns.Select(c => c.Key)],
            .. rows.Select(r => (IReadOnlyList<object?>)[r.UnitCode, r.UnitName,
                .. columns.Select(c => r.InputKeys.Contains(c.Key) && r.Values.TryGetValue(c.Key, out var v) ? Template.CellOf(v) : null)]),
        ];
        var name = $"mau-nhap-lieu_{definition.Id}_{period}_{caller.Unit}.{format}";
        if (format == "csv")
            return TypedResults.File(CsvFormat.Write(sheet.Select(r => r.Select(c => c is null ? "" : Grid.Text(c)).ToList())), CsvType, name);

        var entry = new XlsxFormat.SheetContent("Nhập liệu",
            [(XlsxFormat.Header, sheet[0]), (XlsxFormat.Keys, sheet[1]), .. sheet.Skip(2).Select(r => (XlsxFormat.Plain, r))],
            [14, 32, .. columns.Select(_ => 24d)]);
        var guide = new XlsxFormat.SheetContent("Hướng dẫn", Guide(definition, period, caller.Unit, rows, columns), [16, 48, 22, 14, 30, 60]);
        return TypedResults.File(XlsxFormat.Write([entry, guide]), XlsxType, name);
    }

    private static List<(uint, IReadOnlyList<object?>)> Guide(Scoring.Engine.CompiledFramework definition, string period, string unit,
        List<TemplateRow> rows, List<Scoring.Definitions.InputDefinition> columns)
    {
        List<(uint, IReadOnlyList<object?>)> lines =
        [
            (XlsxFormat.Header, ["Hướng dẫn nhập liệu"]),
            (XlsxFormat.Plain, ["Khung đánh giá", $"{definition.Definition.Name} ({definition.Id}, {definition.Version})"]),
            (XlsxFormat.Plain, ["Kỳ báo cáo", period]),
            (XlsxFormat.Plain, ["Đơn vị báo cáo", unit]),
            .. rows.GroupBy(r => r.DueAt).Select(g => (XlsxFormat.Plain, (IReadOnlyList<object?>)["Hạn nộp",
                $"Trước {VietnamTime.FormatMoment(g.Key)} (giờ Việt Nam) — {string.Join(", ", g.Select(r => r.UnitCode))}"])),
            (XlsxFormat.Plain, []),
            (XlsxFormat.Header, ["Cách nhập"]),
            (XlsxFormat.Plain, ["1.", "Mỗi dòng từ dòng 3 là một đơn vị; không sửa cột 'Mã đơn vị' và dòng 2 (mã chỉ số): hệ thống đọc theo mã, không theo vị trí cột."]),
            (XlsxFormat.Plain, ["2.", "Ô để trống là chưa có số liệu; ô đã có số liệu mà xoá trống thì giá trị đã lưu của chỉ số đó bị xoá."]),
            (XlsxFormat.Plain, ["3.", "Nhập số dạng số. Tỷ lệ ghi từ 0 đến 1 (ví dụ 0,9 là 90%). Câu hỏi có/không ghi 'Có' hoặc 'Không'. Lựa chọn ghi mã."]),
            (XlsxFormat.Plain, ["4.", "Tệp CSV: mã hoá UTF-8; phân cách bằng dấu phẩy (,) với dấu chấm thập phân, hoặc bằng dấu chấm phẩy (;) với dấu phẩy thập phân (0,9)."]),
            (XlsxFormat.Plain, ["5.", "Tải lên là tất cả hoặc không: nếu có ô sai, không dữ liệu nào được ghi và hệ thống liệt kê từng ô cần sửa."]),
            (XlsxFormat.Plain, ["6.", "Tải lên chỉ lưu bản nháp; báo cáo đã nộp hoặc đã phê duyệt không sửa được bằng tệp. Sau khi tải lên, vào hệ thống kiểm tra và nộp báo cáo."]),
            (XlsxFormat.Plain, []),
            (XlsxFormat.Header, ["Mã chỉ số", "Tên chỉ số", "Kiểu", "Đơn vị tính", "Giá trị hợp lệ", "Ghi chú"]),
        ];
        lines.AddRange(columns.Select(c => (XlsxFormat.Plain, (IReadOnlyList<object?>)
            [c.Key, c.Label, Template.TypeName(c), c.Unit ?? "", Template.Allowed(c), c.Help ?? ""])));
        return lines;
    }
}
