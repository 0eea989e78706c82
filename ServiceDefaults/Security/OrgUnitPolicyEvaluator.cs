using System.Runtime.CompilerServices;
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

    /// <remarks>
    /// A request that matches no endpoint passes: the fallback policy is there for endpoints that forgot to declare one, and
    /// nothing serves a request without an endpoint — it ends in 404 as before, not in 401. Likewise routing's own answers
    /// for a known path (405 for another method, 415 for another media type: plain endpoints, not route endpoints), so a
    /// public endpoint called the wrong way says so instead of asking for a token.
    /// </remarks>
    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
        context.GetEndpoint() is not Microsoft.AspNetCore.Routing.RouteEndpoint
            ? Task.FromResult(PolicyAuthorizationResult.Success())
            : _inner.AuthorizeAsync(WithOrgUnit(policy), authenticationResult, context, resource);

    // The middleware caches each endpoint's combined policy; so is its combination with the requirement, once per policy.
    private static readonly ConditionalWeakTable<AuthorizationPolicy, AuthorizationPolicy> Combined = new();

    internal static AuthorizationPolicy WithOrgUnit(AuthorizationPolicy policy) =>
        policy.Requirements.Any(r => r is OrgUnitRequirement)
            ? policy
            : Combined.GetValue(policy, p => AuthorizationPolicy.Combine(p, OrgUnitRequirement.Policy));
}
