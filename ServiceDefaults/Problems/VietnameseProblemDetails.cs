using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// RFC 7807 problem details whose <c>title</c> and <c>detail</c> are Vietnamese, because people read
/// them; each carries the trace id so support can find the request in the logs.
/// </summary>
public static class VietnameseProblemDetails
{
    public static IHostApplicationBuilder AddVietnameseProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // In every environment (ASP.NET throws only in Development by default): a request that cannot be bound reaches
        // ProblemExceptionHandler, which names the field, instead of ending as a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (Titles.TryGetValue(status, out var title) && (problem.Title is null || IsEnglishDefault(problem.Title)))
            {
                problem.Title = title;
            }
            if (problem.Detail is null && Details.TryGetValue(status, out var detail))
            {
                problem.Detail = detail;
            }
            // A body too large or of a type the endpoint does not read is answered by ASP.NET itself (Kestrel, routing,
            // parameter binding) with a bare status: the problem still names what is wrong, the body or its Content-Type.
            if (status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType
                && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
            {
                problem.Extensions["errors"] = status == StatusCodes.Status413PayloadTooLarge
                    ? new Dictionary<string, string[]> { [RequestProblems.Body] = [Details[status]] }
                    : new Dictionary<string, string[]> { [RequestProblems.ContentTypeField] = [Details[status]] };
            }
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        return builder;
    }

    /// <summary>Vietnamese titles by status code.</summary>
    public static readonly IReadOnlyDictionary<int, string> Titles = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "Yêu cầu không hợp lệ",
        [StatusCodes.Status401Unauthorized] = "Chưa đăng nhập",
        [StatusCodes.Status403Forbidden] = "Không có quyền thực hiện",
        [StatusCodes.Status404NotFound] = "Không tìm thấy",
        [StatusCodes.Status405MethodNotAllowed] = "Phương thức không được hỗ trợ",
        [StatusCodes.Status409Conflict] = "Xung đột dữ liệu",
        [StatusCodes.Status412PreconditionFailed] = "Dữ liệu đã được người khác thay đổi",
        [StatusCodes.Status413PayloadTooLarge] = "Dữ liệu gửi lên quá lớn",
        [StatusCodes.Status415UnsupportedMediaType] = "Định dạng dữ liệu không được hỗ trợ",
        [StatusCodes.Status422UnprocessableEntity] = "Dữ liệu không hợp lệ",
        [StatusCodes.Status429TooManyRequests] = "Quá nhiều yêu cầu",
        [StatusCodes.Status500InternalServerError] = "Lỗi hệ thống",
        [StatusCodes.Status502BadGateway] = "Dịch vụ không phản hồi",
        [StatusCodes.Status503ServiceUnavailable] = "Dịch vụ tạm thời không sẵn sàng",
        [StatusCodes.Status504GatewayTimeout] = "Dịch vụ phản hồi quá chậm",
    };

    private static readonly Dictionary<int, string> Details = new()
    {
        [StatusCodes.Status400BadRequest] = "Yêu cầu gửi lên không đúng định dạng. Vui lòng kiểm tra lại dữ liệu.",
        [StatusCodes.Status401Unauthorized] = "Vui lòng đăng nhập để tiếp tục.",
        [StatusCodes.Status403Forbidden] = "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        [StatusCodes.Status404NotFound] = "Không tìm thấy tài nguyên được yêu cầu.",
        [StatusCodes.Status405MethodNotAllowed] = "Địa chỉ này không nhận phương thức HTTP đã dùng.",
        [StatusCodes.Status413PayloadTooLarge] = "Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép.",
        [StatusCodes.Status415UnsupportedMediaType] = "Định dạng dữ liệu gửi lên (Content-Type) không được hỗ trợ tại địa chỉ này.",
        [StatusCodes.Status429TooManyRequests] = "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.",
        [StatusCodes.Status500InternalServerError] = "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc liên hệ quản trị hệ thống kèm mã truy vết.",
        [StatusCodes.Status502BadGateway] = "Dịch vụ xử lý yêu cầu này đang không hoạt động. Vui lòng thử lại sau ít phút.",
        [StatusCodes.Status503ServiceUnavailable] = "Dịch vụ đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút.",
        [StatusCodes.Status504GatewayTimeout] = "Dịch vụ xử lý yêu cầu này không trả lời kịp. Vui lòng thử lại sau ít phút.",
    };

    // ASP.NET fills titles such as "Bad Request" from RFC 9110 when none is given.
    private static bool IsEnglishDefault(string title) => title.All(c => c < 128);
}
