namespace Platform.ServiceDefaults.Security;

/// <summary>The realm roles, spelled as in the realm file (<c>deploy/keycloak/</c>).</summary>
public static class PlatformRoles
{
    public const string PlatformAdmin = "platform-admin";
    public const string FrameworkAdmin = "framework-admin";
    public const string Reviewer = "reviewer";
    public const string Reporter = "reporter";
    public const string Publisher = "publisher";

    /// <summary>Member of the steering committee who approves bonus points.</summary>
    public const string BonusApprover = "bonus-approver";

    /// <summary>Reads the results of its own organisation-unit scope.</summary>
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All =
        [PlatformAdmin, FrameworkAdmin, Reviewer, Reporter, Publisher, BonusApprover, Leader];
}
