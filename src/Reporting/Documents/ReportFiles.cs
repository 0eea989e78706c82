using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Documents;

/// <summary>
/// Renders a <see cref="ReportDocument"/> into the response, streamed: rows are written as they are read and nothing
/// holds the whole report in memory (the xlsx zip and the PDF are finished in a temporary file that deletes itself,
/// then copied to the response; CSV goes straight to it).
/// </summary>
public static class ReportFiles
{
    /// <summary>The formats an export endpoint accepts in <c>?format=</c>.</summary>
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "pdf", "csv"];

    /// <summary><c>xlsx</c>, <c>pdf</c> or <c>csv</c> → the streamed file result; any other format is a Vietnamese 400 naming <c>format</c>.</summary>
    public static IResult Render(string? format, ReportDocument document) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => new ReportFileResult(document, FileName(document, "xlsx"), XlsxReport.ContentType, XlsxReport.WriteAsync, ThroughFile: true),
        "pdf" => new ReportFileResult(document, FileName(document, "pdf"), PdfReport.ContentType, PdfReport.WriteAsync, ThroughFile: true),
        "csv" => new ReportFileResult(document, FileName(document, "csv"), CsvReport.ContentType, CsvReport.WriteAsync, ThroughFile: false),
        _ => ApiProblems.Invalid("format", FormatProblem(format)!),
    };

    /// <summary>
    /// The export endpoints' check of <c>?format=</c>, with the words <see cref="Render"/> uses, so that a bad format is
    /// listed with the request's other problems in one answer.
    /// </summary>
    public static void CheckFormat(Dictionary<string, string[]> errors, string? format)
    {
        if (FormatProblem(format) is { } problem) errors["format"] = [problem];
    }

    private static string? FormatProblem(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => "Hãy chọn định dạng tệp (format): xlsx, pdf hoặc csv.",
        var wanted when Formats.Contains(wanted) => null,
        _ => $"Định dạng tệp (format) \"{format}\" không được hỗ trợ; hãy chọn xlsx, pdf hoặc csv.",
    };

    /// <summary>
    /// The download's name: the document's, plus (CSV, whose table has no room for it) the revision and the time it was
    /// generated, e.g. <c>xep-hang-tinh-2026-11-lan-2-lap-20261215-1000.csv</c>.
    /// </summary>
    public static string FileName(ReportDocument document, string extension)
    {
        var name = Ascii(document.FileName);
        if (extension == "csv")
        {
            if (document.Source.Revision is { } revision && !name.Contains($"lan-{revision}", StringComparison.Ordinal)) name += $"-lan-{revision}";
            name += "-lap-" + VietnamTime.ToVietnam(document.Source.GeneratedAt).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        }
        return $"{name}.{extension}";
    }

    /// <summary>"Xếp hạng Đắk Lắk" → "Xep-hang-Dak-Lak": what every browser and mail client accepts as a plain file name.</summary>
    public static string Ascii(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        var result = plain.ToString().Trim('-', '.');
        return result.Length == 0 ? "bao-cao" : result;
    }

    private sealed record ReportFileResult(ReportDocument Document, string Name, string ContentType,
        Func<ReportDocument, Stream, CancellationToken, Task> Write, bool ThroughFile) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            var response = http.Response;
            var source = Document.Source;
            response.ContentType = ContentType;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = Name, FileNameStar = Name }.ToString();
            if (source.Revision is { } revision) response.Headers["Report-Revision"] = revision.ToString(CultureInfo.InvariantCulture);
            if (source.PublishedAt is { } published) response.Headers["Report-Published-At"] = Instant(published);
            response.Headers["Report-Generated-At"] = Instant(source.GeneratedAt);
            response.Headers.CacheControl = "private, no-store";
            if (!ThroughFile)
            {
                await Write(Document, response.Body, ct);
                return;
            }
            await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await Write(Document, file, ct);
            file.Position = 0;
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body, ct);
        }

        private static string Instant(DateTimeOffset instant) =>
            instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
