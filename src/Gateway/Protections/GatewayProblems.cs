using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Protections;

/// <summary>Writes a problem response with the shared Vietnamese titles (see VietnameseProblemDetails).</summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
