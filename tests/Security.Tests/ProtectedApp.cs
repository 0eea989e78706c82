using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests;

/// <summary>
/// A service as small as it gets, wired like the real ones (<see cref="DefaultsApp"/>), with one endpoint for reporters
/// and one for reviewers.
/// </summary>
internal static class ProtectedApp
{
    public const string ReporterPath = "/api/test/me";
    public const string ReviewerPath = "/api/test/review";

    public static Task<WebApplication> StartAsync(TestTokens? tokens, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development") =>
        DefaultsApp.StartAsync(Map, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["OTEL_SDK_DISABLED"] = "true" },
            tokens, environment, cancellationToken: TestContext.Current.CancellationToken);

    private static void Map(WebApplication app)
    {
        app.MapGet(ReporterPath, Me).RequireAuthorization(PlatformPolicies.Reporter);
        app.MapGet(ReviewerPath, () => "ok").RequireAuthorization(PlatformPolicies.Reviewer);
    }

    private static Caller Me(ClaimsPrincipal user) => new(
        user.Identity?.Name,
        user.Subject(),
        user.OrgUnit(),
        user.IsMachineClient(),
        [.. user.FindAll(KeycloakClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)]);

    public sealed record Caller(string? Name, string? Subject, string? OrgUnit, bool Machine, string[] Roles);
}
