using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Named authorization policies, registered by <see cref="SecurityExtensions.AddPlatformAuthentication{TBuilder}"/>.
/// Each is one explicit list of roles: no role implies another (not even platform-admin), so a grant is
/// always visible here. Scope (which organisation units) is checked by each service in its queries.
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

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(PlatformRoles.PlatformAdmin));
        options.AddPolicy(FrameworkAdmin, p => p.RequireRole(PlatformRoles.FrameworkAdmin));
        options.AddPolicy(Reviewer, p => p.RequireRole(PlatformRoles.Reviewer));
        options.AddPolicy(Reporter, p => p.RequireRole(PlatformRoles.Reporter));
        options.AddPolicy(Publisher, p => p.RequireRole(PlatformRoles.Publisher));
        options.AddPolicy(BonusApprover, p => p.RequireRole(PlatformRoles.BonusApprover));
        options.AddPolicy(Leader, p => p.RequireRole(PlatformRoles.Leader, PlatformRoles.Reviewer, PlatformRoles.Publisher));
    }
}
