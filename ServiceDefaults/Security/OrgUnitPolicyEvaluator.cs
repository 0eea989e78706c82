using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// ASP.NET's policy evaluator, except that every policy the authorization middleware checks for an endpoint also requires
/// <see cref="OrgUnitRequirement"/> — including a policy built in place (<c>RequireAuthorization(p =&gt; p.RequireRole(…))</c>),
/// which never passes through <see cref="PlatformPolicies"/>. Endpoints that allow anonymous callers are not evaluated at all.
/// </summary>
internal sealed class OrgUnitPolicyEvaluator(IAuthorizationService authorization) : IPolicyEvaluator
{
    private readonly PolicyEvaluator _inner = new(authorization);

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context) =>
        _inner.AuthenticateAsync(policy, context);

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
        _inner.AuthorizeAsync(WithOrgUnit(policy), authenticationResult, context, resource);

    internal static AuthorizationPolicy WithOrgUnit(AuthorizationPolicy policy) =>
        policy.Requirements.Any(r => r is OrgUnitRequirement) ? policy : AuthorizationPolicy.Combine(policy, OrgUnitRequirement.Policy);
}
