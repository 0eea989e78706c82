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
    private static readonly Guid Unknown = Guid.Parse("0197a000-0000-7000-8000-000000000002");

    /// <summary>Every protected route: runs, history, missing inputs, publications, bonuses and simulations.</summary>
    private static readonly ProtectedRoute[] Routes =
    [
        new("GET", "/api/monthly-scoring/runs"),
        new("POST", "/api/monthly-scoring/runs"),
        new("GET", $"/api/monthly-scoring/runs/{Unknown}/results"),
        new("GET", $"/api/monthly-scoring/runs/{Unknown}/units/lao-cai/explanation"),
        new("GET", $"/api/monthly-scoring/runs/{Unknown}/export"),
        new("GET", "/api/monthly-scoring/units/lao-cai/history?peerGroup=provinces"),
        new("GET", "/api/monthly-scoring/periods/2026-01/missing?peerGroup=provinces"),
        new("GET", "/api/monthly-scoring/publications/preview?period=2026-01&peerGroup=provinces"),
        new("POST", "/api/monthly-scoring/publications"),
        new("GET", "/api/monthly-scoring/bonuses?period=2026-01"),
        new("POST", "/api/monthly-scoring/bonuses"),
        new("POST", $"/api/monthly-scoring/bonuses/{Unknown}/approve"),
        new("POST", $"/api/monthly-scoring/bonuses/{Unknown}/reject"),
        new("POST", "/api/monthly-scoring/simulations"),
    ];

    public static TheoryData<Forgery?> Tokens => new(TokenProbe.Cases);

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Every_route_admits_a_valid_token_and_refuses_a_forged_one_with_401_invalid_token(Forgery? forgery)
    {
        var token = scoring.Tokens.Token(forgery);

        var answers = await TokenProbe.ObserveAsync(scoring.Client, token, Routes, TestContext.Current.CancellationToken);

        Assert.Equal(TokenProbe.Expected(forgery, Routes), answers);
    }

    /// <summary>One monthly scoring for all rows: its own database and virtual host, trusting the test tokens' key.</summary>
    public sealed class ScoringService(PlatformInfrastructure infrastructure) : TokenProbeHost<Program, MonthlyScoringDbContext>(infrastructure, MonthlyScoringModule.DatabaseName);
}
