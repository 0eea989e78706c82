using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Named authorization policies, registered by <see cref="SecurityExtensions.AddPlatformAuthentication{TBuilder}"/>.
/// Each is one explicit list of roles: no role implies another (not even platform-admin), so a grant is
/// always visible here. Scope (which organisation units) is checked by each service in its queries.
/// <para>
/// Every policy here — the default one (<c>RequireAuthorization()</c>), the fallback one (an endpoint that declares
/// nothing) and each named one — also requires exactly one non-empty <c>org_unit</c> (<see cref="OrgUnitRequirement"/>).
/// The fallback makes forgetting impossible: an endpoint is open only when it says <c>AllowAnonymous()</c>.
/// </para>
/// </summary>
public static class PlatformPolicies
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string FrameworkAdmin = nameof(FrameworkAdmin);
    public const string Reviewer = nameof(Reviewer);
    public const string Reporter = nameof(Reporter);
    public const string Publisher = nameof(Publisher);
    public const string BonusApprover = nameof(BonusApprover);

    /// <summary>Reads results of its scope: leaders, and the reviewers and publishers who produce them.</summary>
    public const string Leader = nameof(Leader);

    /// <summary>Signed in with exactly one organisation unit: the default and the fallback policy.</summary>
    public static readonly AuthorizationPolicy SignedInWithUnit = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(OrgUnitRequirement.Instance)
        .Build();

    internal static void Add(AuthorizationOptions options)
    {
        options.DefaultPolicy = SignedInWithUnit;
        options.FallbackPolicy = SignedInWithUnit;
        AddRoles(options, PlatformAdmin, PlatformRoles.PlatformAdmin);
        AddRoles(options, FrameworkAdmin, PlatformRoles.FrameworkAdmin);
        AddRoles(options, Reviewer, PlatformRoles.Reviewer);
        AddRoles(options, Reporter, PlatformRoles.Reporter);
        AddRoles(options, Publisher, PlatformRoles.Publisher);
        AddRoles(options, BonusApprover, PlatformRoles.BonusApprover);
        AddRoles(options, Leader, PlatformRoles.Leader, PlatformRoles.Reviewer, PlatformRoles.Publisher);
    }

    private static void AddRoles(AuthorizationOptions options, string name, params string[] roles) =>
        options.AddPolicy(name, p => p.RequireRole(roles).AddRequirements(OrgUnitRequirement.Instance));
}
