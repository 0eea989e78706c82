using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.Intake.Submissions;
using Platform.Scoring;
using Platform.Scoring.Definitions;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Bulk;

/// <summary>The outcome of an import: drafts created, drafts changed, units already as the file says, data rows read.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, int Rows);

/// <summary>One wrong cell: Excel row number and column letter, the unit of the row and the input of the column.</summary>
public sealed record CellProblem(int Row, string Column, string? UnitCode, string? InputKey, string Message);

/// <summary>
/// <c>POST /api/intake/imports/{framework}/{period}</c> (multipart, field <c>file</c>): a filled template, xlsx or csv
/// (told apart by content), saved as drafts of the caller's unit through <see cref="SaveDraft.SaveValuesAsync"/> with the
/// channel <c>excel</c>. All or nothing: every cell is checked first and any problem answers 400 listing each cell in
/// Vietnamese, with nothing written; otherwise every row is saved in one transaction. For each row the file's columns
/// replace those inputs' values (an empty cell clears one); inputs without a column stay as they were.
/// </summary>
public static class Import
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>The row of keys (holding <see cref="Template.UnitKey"/>) is looked for in this many first rows.</summary>
    public const int KeyRowSearch = 10;

    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Handle(
        string framework, string period, HttpRequest request, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return ApiProblems.InvalidByKey("framework", $"Không có khung đánh giá '{framework}' áp dụng cho kỳ '{period}'.");
        var schedule = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return ApiProblems.InvalidByKey("period", schedule.Error);

        if (request.ContentLength > MaxBytes + 64 * 1024) return TooLarge();
        if (!request.HasFormContentType)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Định dạng dữ liệu không được hỗ trợ",
                "Gửi tệp theo dạng multipart/form-data, trong trường 'file'.");
        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return ApiProblems.InvalidByKey("file", "Không đọc được dữ liệu tải lên (multipart/form-data bị hỏng).");
        }
        if (file is null) return ApiProblems.InvalidByKey("file", "Thiếu tệp nhập liệu (trường 'file').");
        if (file.Length > MaxBytes) return TooLarge();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (grid, notReadable) = Read(buffer);
        if (notReadable is not null) return notReadable;

        var problems = new List<CellProblem>();
        var (created, updated, unchanged, rowCount) = (0, 0, 0, 0);
        if (grid!.Rows.Take(KeyRowSearch).FirstOrDefault(r => r.Value.Values.Any(v => v is string s && s == Template.UnitKey)) is not { Value: not null } keyRow)
            return ApiProblems.InvalidByKey("file", "Không tìm thấy dòng mã chỉ số (dòng có ô 'unit', là dòng 2 của tệp mẫu). Hãy dùng tệp mẫu tải về từ hệ thống.");

        // Columns are read by the key in the key row, never by position.
        var inputs = new Dictionary<int, InputDefinition>();
        var skipped = new HashSet<int>();
        var unitColumn = 0;
        foreach (var (column, value) in keyRow.Value)
        {
            var key = Grid.Text(value);
            if (key == Template.UnitKey && unitColumn == 0) unitColumn = column;
            else if (key == Template.UnitNameKey) skipped.Add(column);
            else if (definition.Slots.TryGetValue(key, out var slot) && inputs.Values.All(i => i.Key != key)) inputs[column] = slot.Input;
            else
            {
                skipped.Add(column);
                problems.Add(new CellProblem(keyRow.Key, Grid.Letter(column), null, key, definition.Slots.ContainsKey(key) || key == Template.UnitKey
                    ? $"Mã '{key}' xuất hiện hai lần ở dòng mã chỉ số."
                    : $"Mã chỉ số '{key}' không có trong khung {definition.Id}; sửa lại theo tệp mẫu."));
            }
        }
        var fileKeys = inputs.Values.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var (row, cells) in grid!.Rows.Where(r => r.Key > keyRow.Key))
        {
            if (++rowCount > MaxRows)
                return ApiProblems.InvalidByKey("file", $"Tệp có quá {MaxRows} dòng dữ liệu; hãy chia thành nhiều tệp.");
            var unit = cells.GetValueOrDefault(unitColumn) is { } u ? Grid.Text(u) : "";
            var unitCell = Grid.Letter(unitColumn == 0 ? 1 : unitColumn);
            var before = problems.Count;
            foreach (var column in cells.Keys.Where(c => c != unitColumn && !inputs.ContainsKey(c) && !skipped.Contains(c)))
                problems.Add(new CellProblem(row, Grid.Letter(column), unit, null,
                    $"Cột {Grid.Letter(column)} không có mã chỉ số ở dòng {keyRow.Key}; không biết ô này thuộc chỉ số nào."));
            if (unit.Length == 0)
            {
                problems.Add(new CellProblem(row, unitCell, null, null, "Thiếu mã đơn vị."));
                continue;
            }
            if (!seen.TryAdd(unit, row))
            {
                problems.Add(new CellProblem(row, unitCell, unit, null, $"Đơn vị '{unit}' xuất hiện hai lần (dòng {seen[unit]} và dòng {row})."));
                continue;
            }
            // The rule the web form and submitting obey (ReportingRights): a target the unit may not report on is refused
            // with its reason (out of scope answers the same whether the target exists elsewhere or not at all).
            var right = await ReportingRights.CheckAsync(db, tenant, caller.Unit, definition.Id, unit, time, ct);
            if (right.Refusal is { } notAllowed)
            {
                problems.Add(new CellProblem(row, unitCell, unit, null, notAllowed.Detail));
                continue;
            }

            // Every cell of the row is judged in the same pass: a cell that cannot be read goes on as its text, which the
            // values check refuses (its message here is the cell's own) while checking every other cell, cross-field too.
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (column, input) in inputs)
            {
                if (!cells.TryGetValue(column, out var cell)) continue;
                if (!right.Allows(input.Key))
                {
                    problems.Add(new CellProblem(row, Grid.Letter(column), unit, input.Key,
                        right.KeyProblem(definition, input.Key).TrimEnd('.') + "; để trống ô này."));
                    continue;
                }
                var (value, error) = CellReading.Read(input, cell, grid.DecimalMark);
                if (error is null)
                {
                    values[input.Key] = value!.Value;
                    continue;
                }
                problems.Add(new CellProblem(row, Grid.Letter(column), unit, input.Key, error));
                values[input.Key] = JsonSerializer.SerializeToElement(Grid.Text(cell));
                unreadable.Add(input.Key);
            }

            var save = new DraftValues(definition, period, unit, values, null, Channels.Excel) { Replacing = fileKeys, WriteWhenUnchanged = false };
            var saved = await SaveDraft.SaveValuesAsync(db, tenant, caller, save, time, ct);
            foreach (var (key, messages) in saved.Invalid ?? [])
            {
                if (unreadable.Contains(key)) continue;
                var column = inputs.FirstOrDefault(i => i.Value.Key == key).Key;
                problems.AddRange(messages.Select(m => new CellProblem(row, column == 0 ? unitCell : Grid.Letter(column), unit, key, m)));
            }
            if (saved.Refusal is { } refusal)
                problems.Add(new CellProblem(row, unitCell, unit, null, $"Đơn vị '{unit}': {refusal.ProblemDetails.Detail}"));
            // A row with problems is not counted: nothing is written in the end.
            else if (problems.Count > before) continue;
            else if (saved.Written && saved.Created) created++;
            else if (saved.Written) updated++;
            else if (saved.Invalid is null) unchanged++;
        }

        if (problems.Count > 0)
        {
            // Nothing staged reaches the database.
            db.ChangeTracker.Clear();
            return Rejected(problems);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || SaveDraft.IsUniqueViolation(ex))
        {
            return ApiProblems.Conflict("Một báo cáo trong tệp vừa được thay đổi từ phiên khác trong lúc nhập; chưa có dữ liệu nào được ghi. Vui lòng tải lên lại.");
        }
        return TypedResults.Ok(new ImportResult(created, updated, unchanged, rowCount));
    }

    /// <summary>
    /// ZIP signature → xlsx; otherwise UTF-8 text (BOM or not) → csv. The grid, or the problem to answer: 415 when it is
    /// neither, 413 when an xlsx inflates beyond what is read (a zip bomb). Rows past the row limit are not read.
    /// </summary>
    internal static (Grid? Grid, ProblemHttpResult? Problem) Read(MemoryStream content)
    {
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            try
            {
                content.Position = 0;
                return (XlsxFormat.Read(content, maxRows: KeyRowSearch + MaxRows + 1), null);
            }
            catch (SpreadsheetTooLargeException)
            {
                return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
                    $"Tệp Excel khi giải nén vượt quá giới hạn nhập ({XlsxFormat.MaxInflatedBytes / 1024 / 1024} MB dữ liệu hoặc {Template.Vietnamese(XlsxFormat.MaxCells)} ô); hãy chia thành nhiều tệp."));
            }
            catch (InvalidDataException)
            {
                return (null, NotXlsxOrCsv());
            }
        }
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, NotXlsxOrCsv());
        }
        // Valid UTF-8 can still be binary: text files hold no control characters but tab and line ends.
        return text.Length == 0 || text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            ? (null, NotXlsxOrCsv())
            : (CsvFormat.Read(text, Template.UnitKey), null);
    }

    private static ProblemHttpResult NotXlsxOrCsv() => ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Định dạng tệp không được hỗ trợ",
        "Chỉ nhận tệp Excel (.xlsx) hoặc CSV mã hoá UTF-8; nội dung tệp gửi lên không phải một trong hai loại này.");

    private static ProblemHttpResult TooLarge() => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
        $"Tệp nhập liệu không được vượt quá {MaxBytes / 1024 / 1024} MB; hãy chia thành nhiều tệp.");

    /// <summary>400 whose <c>errors</c> are keyed <c>row{n}.{input key}</c> (or <c>row{n}.{column letter}</c> for the unit
    /// cell and unnamed columns), with every cell also listed under <c>cells</c>.</summary>
    private static ValidationProblem Rejected(List<CellProblem> problems)
    {
        var errors = problems
            .GroupBy(p => $"row{p.Row}.{p.InputKey ?? p.Column}")
            .ToDictionary(g => g.Key, g => g.Select(p => $"Dòng {p.Row}, cột {p.Column}{(p.InputKey is null ? "" : $" ({p.InputKey})")}: {p.Message}").ToArray(), StringComparer.Ordinal);
        return ApiProblems.Invalid(errors,
            $"Tệp có {problems.Count} ô cần sửa; chưa có dữ liệu nào được ghi. Sửa các ô được liệt kê rồi tải lên lại.",
            title: "Tệp nhập liệu có lỗi",
            extensions: new Dictionary<string, object?> { ["cells"] = problems });
    }
}
