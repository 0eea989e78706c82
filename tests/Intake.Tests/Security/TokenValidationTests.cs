using Platform.Intake.Data;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Security;

/// <summary>
/// Intake called directly (not through the gateway): each protected route group lets a valid token through and answers
/// a forged, expired, misdirected or unsigned token with the Vietnamese 401 problem and <c>error="invalid_token"</c>.
/// </summary>
public sealed class TokenValidationTests(TokenValidationTests.IntakeService intake) : IClassFixture<TokenValidationTests.IntakeService>
{
    private static readonly Guid Unknown = Guid.Parse("0197a000-0000-7000-8000-000000000001");

    /// <summary>One route per route group and per authorization requirement (signed-in, reporter, reviewer, administrators).</summary>
    private static readonly ProtectedRoute[] Routes =
    [
        new("GET", "/api/intake/units"),
        new("GET", "/api/intake/units/export"),
        new("GET", "/api/intake/units/lao-cai"),
        new("POST", "/api/intake/units/import", "text/csv"),
        new("GET", "/api/intake/assignments"),
        new("GET", "/api/intake/assignments/mine?framework=monthly-4585&period=2026-01"),
        new("GET", $"/api/intake/assignments/{Unknown}"),
        new("POST", "/api/intake/assignments"),
        new("GET", "/api/intake/submissions"),
        new("GET", $"/api/intake/submissions/{Unknown}"),
        new("PUT", "/api/intake/submissions/monthly-4585/2026-01/lao-cai"),
        new("POST", $"/api/intake/submissions/{Unknown}/approve"),
        new("GET", $"/api/intake/submissions/{Unknown}/assessment"),
        new("PUT", $"/api/intake/submissions/{Unknown}/reviewer-scores"),
        new("GET", $"/api/intake/submissions/{Unknown}/evidence"),
        new("POST", $"/api/intake/submissions/{Unknown}/evidence"),
        new("GET", $"/api/intake/evidence/{Unknown}"),
        new("DELETE", $"/api/intake/evidence/{Unknown}"),
        new("GET", "/api/intake/periods/monthly-4585/2026-01"),
        new("POST", "/api/intake/periods/monthly-4585/2026-01/reopenings"),
        new("GET", "/api/intake/templates/monthly-4585/2026-01"),
        new("POST", "/api/intake/imports/monthly-4585/2026-01"),
        new("POST", "/api/intake/machine/submissions"),
        new("GET", $"/api/intake/audit?entityType=submission&entityId={Unknown}"),
        new("GET", "/api/intake/assignments/mine/open"),
        new("GET", "/api/intake/overview/monthly-4585/2026-01"),
    ];

    public static TheoryData<Forgery?> Tokens => new(TokenProbe.Cases);

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Every_route_group_admits_a_valid_token_and_refuses_a_forged_one_with_401_invalid_token(Forgery? forgery)
    {
        var token = intake.Tokens.Token(forgery);

        var answers = await TokenProbe.ObserveAsync(intake.Client, token, Routes, TestContext.Current.CancellationToken);

        Assert.Equal(TokenProbe.Expected(forgery, Routes), answers);
    }

    /// <summary>One intake for all rows: its own database and virtual host, trusting the test tokens' key.</summary>
    public sealed class IntakeService(PlatformInfrastructure infrastructure) : TokenProbeHost<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName);
}
