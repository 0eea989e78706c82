using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem details: a request ASP.NET cannot bind (a malformed body, a
/// parameter of the wrong type, an unsupported content type, a body too large) is a 4xx naming the offending field in
/// <c>errors</c> (<see cref="RequestProblems"/>), never a 500; anything else is logged and answered with a Vietnamese 500
/// that reveals nothing.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException when RequestProblems.Describe(exception, StatusCodes.Status400BadRequest, httpContext) is not null => StatusCodes.Status400BadRequest,
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => 499,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        if (status == 499) return true;

        httpContext.Response.StatusCode = status;
        ProblemDetails problem = new() { Status = status };
        if (status < 500 && RequestProblems.Describe(exception, status, httpContext) is { } input)
        {
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [input.Field] = [input.Message] })
            {
                Status = status,
                Title = VietnameseProblemDetails.Titles.GetValueOrDefault(status),
                Detail = status == StatusCodes.Status400BadRequest ? ApiProblems.InvalidDetail : input.Message,
            };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
