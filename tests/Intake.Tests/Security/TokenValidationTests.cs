using Platform.Intake.Data;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Security;

/// <summary>
/// Intake called directly (not through the gateway): every protected endpoint (walked from its endpoint data source) lets a valid token through and answers
/// a forged, expired, misdirected or unsigned token with the Vietnamese 401 problem and <c>error="invalid_token"</c>.
/// </summary>
public sealed class TokenValidationTests(TokenValidationTests.IntakeService intake) : IClassFixture<TokenValidationTests.IntakeService>
{
    public static TheoryData<Forgery?> Tokens => new(TokenProbe.Cases);

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Every_route_group_admits_a_valid_token_and_refuses_a_forged_one_with_401_invalid_token(Forgery? forgery)
    {
        var token = intake.Tokens.Token(forgery);

        // Every protected endpoint the service maps, from its endpoint data source: a new one is probed the day it is mapped.
        var routes = EndpointWalk.ProtectedRoutes(intake.Services);
        Assert.NotEmpty(routes);

        var answers = await TokenProbe.ObserveAsync(intake.Client, token, routes, TestContext.Current.CancellationToken);

        Assert.Equal(TokenProbe.Expected(forgery, routes), answers);
    }

    /// <summary>One intake for all rows: its own database and virtual host, trusting the test tokens' key.</summary>
    public sealed class IntakeService(PlatformInfrastructure infrastructure) : TokenProbeHost<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName);
}
