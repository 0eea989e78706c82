using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// How a refused request is answered: a signed-in caller whose token lacks exactly one <c>org_unit</c>
/// (<see cref="OrgUnitRequirement"/> failed) gets 403 with <see cref="ApiProblems.NoUnit"/> — whatever else the policy
/// asked, since without a unit no role means anything. Everything else is ASP.NET's default: a challenge (401) or a
/// forbid (403), written as problems by <see cref="AuthenticationProblems"/>.
/// </summary>
internal sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.Any(r => r is OrgUnitRequirement) == true)
        {
            return context.Response.HasStarted ? Task.CompletedTask : ApiProblems.NoUnit().ExecuteAsync(context);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
