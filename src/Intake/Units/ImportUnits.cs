using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Units;

public sealed record UnitImportSummary(int Created, int Changed, int Unchanged);

/// <summary>
/// <c>POST /api/intake/units/import</c>: a platform administrator imports a units CSV, sent as the multipart field
/// <c>file</c> or as a <c>text/csv</c> body of at most 5 MB. All rows are applied or none: any problem answers 400 with
/// every problem, row by row, in Vietnamese.
/// </summary>
public static class ImportUnits
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static async Task<Results<Ok<UnitImportSummary>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, [AsParameters] IntakeServices services, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        if (request.ContentLength > MaxImportBytes) return TooLarge();

        using var content = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
                return ApiProblems.InvalidByKey("file", "Chọn tệp CSV danh mục đơn vị (trường «file»).");
            if (file.Length > MaxImportBytes) return TooLarge();
            await using var stream = file.OpenReadStream();
            await stream.CopyToAsync(content, ct);
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A body without Content-Length is read only up to the limit.
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (content.Length + read > MaxImportBytes) return TooLarge();
                content.Write(buffer, 0, read);
            }
        }
        else
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Định dạng không được hỗ trợ",
                "Gửi tệp CSV dưới dạng multipart/form-data (trường «file») hoặc nội dung text/csv.");
        }
        if (content.Length == 0) return ApiProblems.InvalidByKey("file", "Tệp trống. Dòng đầu tiên phải là tiêu đề: " + string.Join(',', UnitsCsv.Columns) + ".");

        content.Position = 0;
        var result = await UnitsCsv.ImportAsync(content, db, options.Value.Tenant, time, caller.Subject, ct);
        if (!result.Succeeded)
        {
            var errors = result.Problems
                .GroupBy(p => p.Row == 0 ? "file" : p.Column.Length == 0 ? $"row {p.Row}" : $"row {p.Row}: {p.Column}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return ApiProblems.Invalid(errors,
                $"Tệp có {result.Problems.Count} lỗi; chưa đơn vị nào được ghi. Sửa các dòng được nêu trong 'errors' rồi nhập lại.",
                title: "Tệp danh mục đơn vị không hợp lệ");
        }
        return TypedResults.Ok(new UnitImportSummary(result.Created, result.Changed, result.Unchanged));
    }

    private static ProblemHttpResult TooLarge() => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
        $"Tệp danh mục đơn vị tối đa {MaxImportBytes / 1024 / 1024} MB.");
}
