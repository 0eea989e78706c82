using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// What is wrong with a request ASP.NET could not bind (<see cref="BadHttpRequestException"/>: a body that is not JSON or
/// not the expected shape, a parameter that is not of its type, a missing one, an unsupported content type, a body too
/// large; a multipart body that cannot be read), as the field it concerns and a Vietnamese sentence: the key of the
/// problem's <c>errors</c> is the JSON path in the body (<c>values.A.due</c>), the parameter's name, <c>body</c> for a
/// body that cannot be read at all, or <c>Content-Type</c>. ASP.NET's own English messages are never shown.
/// </summary>
public static partial class RequestProblems
{
    public const string Body = "body";
    public const string ContentTypeField = "Content-Type";

    /// <summary>The offending field and what to tell the user, or null when the exception is not about the request's input.</summary>
    public static (string Field, string Message)? Describe(Exception exception, int status, HttpContext context)
    {
        if (exception is InvalidDataException && context.Request.HasFormContentType && FromAspNet(exception))
            return (Body, "Nội dung multipart/form-data không đọc được (thiếu hoặc sai boundary, phần dữ liệu hỏng).");
        if (exception is not BadHttpRequestException bad) return null;

        if (status == StatusCodes.Status413PayloadTooLarge)
            return (Body, "Dữ liệu gửi lên vượt quá dung lượng cho phép.");
        if (status == StatusCodes.Status415UnsupportedMediaType)
            return (ContentTypeField, $"Định dạng '{Shown(context.Request.ContentType)}' không được hỗ trợ; gửi dữ liệu JSON (Content-Type: application/json).");

        if (Inner<JsonException>(bad) is { } json) return Json(json);
        if (Inner<DecoderFallbackException>(bad) is not null || Inner<InvalidOperationException>(bad) is { } op && op.Message.Contains("UTF-8", StringComparison.Ordinal))
            return (Body, "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.");

        var message = bad.Message;
        if (BindFailed().Match(message) is { Success: true } failed)
            return (failed.Groups["name"].Value, $"Giá trị '{Shown(failed.Groups["value"].Value)}' của tham số «{failed.Groups["name"].Value}» không đúng kiểu {Kind(failed.Groups["type"].Value)}.");
        if (Required().Match(message) is { Success: true } required)
        {
            var source = required.Groups["source"].Value;
            return source.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? (Body, "Thiếu nội dung yêu cầu (body JSON).")
                : (required.Groups["name"].Value, $"Thiếu tham số bắt buộc «{required.Groups["name"].Value}».");
        }
        if (message.Contains("request body", StringComparison.OrdinalIgnoreCase) || message.Contains("body was provided", StringComparison.OrdinalIgnoreCase))
            return (Body, "Nội dung gửi lên không đọc được; gửi một đối tượng JSON hợp lệ.");
        return null;
    }

    private static (string Field, string Message) Json(JsonException json)
    {
        var path = FieldPath(json.Path);
        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            // The path of a 64-deep structure says nothing more than where it starts.
            var first = path.Split('.')[0];
            if (first.All(char.IsAsciiDigit)) first = Body;
            return (first, "Dữ liệu JSON lồng nhau quá sâu.");
        }
        if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            var names = Quoted().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value).ToList();
            var name = names.Count > 0 ? Join(path, names[0]) : path;
            return (name, $"Thiếu trường bắt buộc «{name}».");
        }
        if (Inner<InvalidOperationException>(json) is { } op && (op.Message.Contains("UTF-8", StringComparison.Ordinal) || op.Message.Contains("UTF-16", StringComparison.Ordinal)))
            return (path, path == Body ? "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ." : $"Giá trị của trường «{path}» không phải văn bản UTF-8 hợp lệ.");
        if (json.Path is null || path == Body || json.LineNumber is null)
            return (path, "Nội dung gửi lên không phải JSON hợp lệ hoặc không đúng cấu trúc.");
        return (path, $"Giá trị của trường «{path}» không đúng kiểu dữ liệu hoặc không đọc được.");
    }

    /// <summary><c>$.values['A'].due</c> → <c>values.A.due</c>; <c>$</c> → <c>body</c>.</summary>
    public static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return Body;
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        path = Bracket().Replace(path, m => "." + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        path = path.Trim('.');
        return path.Length == 0 ? Body : path;
    }

    private static string Join(string parent, string name) => parent == Body ? name : parent + "." + name;

    private static T? Inner<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static bool FromAspNet(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
        || exception.StackTrace?.Contains("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) == true;

    private static string Kind(string type) => type switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" or "int?" or "long?" => "số nguyên",
        "decimal" or "double" or "float" or "decimal?" or "double?" => "số",
        "bool" or "bool?" => "đúng/sai (true/false)",
        "Guid" or "Guid?" => "mã định danh (GUID)",
        "DateOnly" or "DateOnly?" => "ngày (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" or "DateTimeOffset?" or "DateTime?" => "thời điểm (ISO 8601)",
        _ => $"'{type}'",
    };

    /// <summary>At most 60 characters of a value the user sent, without control characters.</summary>
    private static string Shown(string? value)
    {
        var text = new string((value ?? "").Where(c => !char.IsControl(c)).ToArray());
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    // ASP.NET's messages (RequestDelegateFactory): Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    // Required parameter "string x" was not provided from query string.
    [GeneratedRegex("^Required parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\" was not provided from (?<source>.*)\\.$", RegexOptions.Singleline)]
    private static partial Regex Required();

    // JSON deserialization for type 'X' was missing required properties including: 'a', 'b'.
    [GeneratedRegex("missing required properties,? including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\[(?:'([^']*)'|(\d+))\]")]
    private static partial Regex Bracket();
}
