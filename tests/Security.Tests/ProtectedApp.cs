using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests;

/// <summary>
/// A service as small as it gets, wired like the real ones (<c>AddServiceDefaults</c>,
/// <c>MapDefaultEndpoints</c>), with one endpoint for reporters and one for reviewers.
/// </summary>
internal static class ProtectedApp
{
    public const string ReporterPath = "/api/test/me";
    public const string ReviewerPath = "/api/test/review";

    public static async Task<WebApplication> StartAsync(TestTokens? tokens, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_SDK_DISABLED"] = "true" });
        if (tokens is not null) builder.Configuration.AddInMemoryCollection(tokens.Settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        if (tokens is not null) tokens.Trust(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet(ReporterPath, Me).RequireAuthorization(PlatformPolicies.Reporter);
        app.MapGet(ReviewerPath, () => "ok").RequireAuthorization(PlatformPolicies.Reviewer);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Caller Me(ClaimsPrincipal user) => new(
        user.Identity?.Name,
        user.Subject(),
        user.OrgUnit(),
        user.IsMachineClient(),
        [.. user.FindAll(KeycloakClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)]);

    public sealed record Caller(string? Name, string? Subject, string? OrgUnit, bool Machine, string[] Roles);
}
