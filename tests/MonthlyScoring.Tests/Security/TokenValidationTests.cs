using Platform.MonthlyScoring.Data;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Security;

/// <summary>
/// Monthly scoring called directly (not through the gateway): each protected route lets a valid token through and
/// answers a forged, expired, misdirected or unsigned token with the Vietnamese 401 problem and <c>error="invalid_token"</c>.
/// </summary>
public sealed class TokenValidationTests(TokenValidationTests.ScoringService scoring) : IClassFixture<TokenValidationTests.ScoringService>
{
    public static TheoryData<Forgery?> Tokens => new(TokenProbe.Cases);

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Every_route_admits_a_valid_token_and_refuses_a_forged_one_with_401_invalid_token(Forgery? forgery)
    {
        var token = scoring.Tokens.Token(forgery);

        // Every protected endpoint the service maps, from its endpoint data source: a new one is probed the day it is mapped.
        var routes = EndpointWalk.ProtectedRoutes(scoring.Services);
        Assert.NotEmpty(routes);

        var answers = await TokenProbe.ObserveAsync(scoring.Client, token, routes, TestContext.Current.CancellationToken);

        Assert.Equal(TokenProbe.Expected(forgery, routes), answers);
    }

    /// <summary>One monthly scoring for all rows: its own database and virtual host, trusting the test tokens' key.</summary>
    public sealed class ScoringService(PlatformInfrastructure infrastructure) : TokenProbeHost<Program, MonthlyScoringDbContext>(infrastructure, MonthlyScoringModule.DatabaseName);
}
