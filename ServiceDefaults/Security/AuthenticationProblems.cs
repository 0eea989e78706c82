using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// 401 and 403 as RFC 7807 problem details with Vietnamese title and detail (from
/// <see cref="Problems.VietnameseProblemDetails"/>), keeping the RFC 6750 <c>WWW-Authenticate</c>
/// header that machine clients read. Never a redirect.
/// </summary>
internal static class AuthenticationProblems
{
    public static JwtBearerEvents Events(bool configured) => new()
    {
        // Without a Keycloak section no token can be checked: treat every request as anonymous.
        OnMessageReceived = context =>
        {
            if (!configured) context.NoResult();
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            // Keycloak marks access tokens typ=Bearer; an ID or refresh token is not an API credential.
            var type = context.Principal?.FindFirst(KeycloakClaims.TokenType)?.Value;
            if (type is not null && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                context.Fail($"A token of type '{type}' is not an access token.");
            }
            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var response = context.Response;
            if (response.HasStarted) return;
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.Append("WWW-Authenticate", Challenge(context));
            await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
        },
        OnForbidden = context =>
            context.Response.HasStarted ? Task.CompletedTask : WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden),
    };

    private static async Task WriteAsync(HttpContext httpContext, int status)
    {
        httpContext.Response.StatusCode = status;
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }

    // RFC 6750 §3: Bearer realm="…", error="invalid_token", error_description="…" — as the handler would write it.
    private static string Challenge(JwtBearerChallengeContext context)
    {
        var header = new StringBuilder(context.Options.Challenge);
        var parameters = new List<string>();
        if (!string.IsNullOrEmpty(context.Error)) parameters.Add($"error=\"{context.Error}\"");
        if (!string.IsNullOrEmpty(context.ErrorDescription)) parameters.Add($"error_description=\"{context.ErrorDescription}\"");
        if (!string.IsNullOrEmpty(context.ErrorUri)) parameters.Add($"error_uri=\"{context.ErrorUri}\"");
        if (parameters.Count > 0) header.Append(' ').AppendJoin(", ", parameters);
        return header.ToString();
    }
}
