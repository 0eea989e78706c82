using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// The one factory for the problems an endpoint answers with (RFC 7807, <c>application/problem+json</c>): a Vietnamese
/// <c>title</c> — by default the one <see cref="VietnameseProblemDetails.Titles"/> gives the status — and a Vietnamese
/// <c>detail</c> saying what is wrong; a validation problem (400) carries <c>errors</c> keyed by the offending field, every
/// problem of the input at once. <see cref="VietnameseProblemDetails"/> adds the trace id when the answer is written.
/// </summary>
public static class ApiProblems
{
    public const string InvalidTitle = "Dữ liệu không hợp lệ";
    public const string InvalidDetail = "Một số giá trị không hợp lệ; xem chi tiết trong 'errors'.";

    /// <summary>Intake's wording of <see cref="InvalidDetail"/>; its clients have always shown it, so it stays.</summary>
    public const string InvalidByKeyDetail = "Một số giá trị không hợp lệ; xem chi tiết theo từng chỉ số trong 'errors'.";

    /// <summary>A problem with its own title.</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>A problem titled as its status is (<see cref="VietnameseProblemDetails.Titles"/>).</summary>
    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: VietnameseProblemDetails.Titles.GetValueOrDefault(status));

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail);

    /// <summary>403 for a token without exactly one <c>org_unit</c>: with no unit there is no scope to read or write in.</summary>
    public static ProblemHttpResult NoUnit() => Forbidden(
        "Tài khoản chưa được gán đơn vị (org_unit) hoặc được gán nhiều đơn vị; không xác định được phạm vi dữ liệu.");

    /// <summary>400 with <paramref name="errors"/> keyed by field (a body or query property, an input key, a header).</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string detail = InvalidDetail, string title = InvalidTitle,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(errors, detail, title: title, extensions: extensions);

    /// <summary>400 naming one field and what is wrong with it.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid(One(field, message));

    /// <summary><see cref="Invalid(IDictionary{string, string[]}, string, string, IDictionary{string, object?}?)"/> in intake's wording.</summary>
    public static ValidationProblem InvalidByKey(IDictionary<string, string[]> errors) => Invalid(errors, InvalidByKeyDetail);

    /// <summary><see cref="Invalid(string, string)"/> in intake's wording.</summary>
    public static ValidationProblem InvalidByKey(string field, string message) => InvalidByKey(One(field, message));

    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };
}
