using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The caller names exactly one non-empty organisation unit (<see cref="CallerExtensions.OrgUnit"/>): a token whose
/// <c>org_unit</c> is absent, empty or lists two different units has no scope, so no protected endpoint serves it.
/// Part of the default, fallback and named policies (<see cref="PlatformPolicies"/>) and added to every other policy an
/// endpoint declares (<see cref="OrgUnitPolicyEvaluator"/>); <see cref="AuthorizationProblems"/> answers its failure with
/// <see cref="Problems.ApiProblems.NoUnit"/>.
/// </summary>
public sealed class OrgUnitRequirement : IAuthorizationRequirement
{
    public static readonly OrgUnitRequirement Instance = new();

    /// <summary>A policy with this requirement only, to combine with another.</summary>
    internal static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder().AddRequirements(Instance).Build();

    private OrgUnitRequirement()
    {
    }

    public override string ToString() => "OrgUnitRequirement: the token names exactly one non-empty org_unit.";
}

/// <summary>Succeeds <see cref="OrgUnitRequirement"/> when <see cref="CallerExtensions.OrgUnit"/> finds the one unit.</summary>
internal sealed class OrgUnitHandler : AuthorizationHandler<OrgUnitRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrgUnitRequirement requirement)
    {
        if (context.User.OrgUnit() is not null) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
