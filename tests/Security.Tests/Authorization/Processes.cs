extern alias intake;
extern alias scoring;
extern alias dxindex;
extern alias notifications;
extern alias reporting;
extern alias gateway;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests.Authorization;

/// <summary>What every process built on ServiceDefaults maps anonymously: health for probes, the OpenAPI document, and in Development Scalar's reference.</summary>
internal static class DefaultPublicEndpoints
{
    public static readonly IReadOnlyList<string> All =
    [
        "* /alive",
        "* /health",
        "GET /openapi/{documentName}.json",
        "GET /scalar/{documentName?}",
        "GET /scalar/favicon.svg",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/scalar.js",
    ];
}

/// <summary>A service started as its tests start it (<see cref="ServiceHost{TProgram, TDbContext}"/>), trusting the test tokens.</summary>
public abstract class ServiceUnderTest<TProgram, TDbContext>(PlatformInfrastructure infrastructure, string database)
    : TokenProbeHost<TProgram, TDbContext>(infrastructure, database), IProcessUnderTest
    where TProgram : class
    where TDbContext : Microsoft.EntityFrameworkCore.DbContext
{
    IServiceProvider IProcessUnderTest.Services => Services;

    HttpClient IProcessUnderTest.Client => Client;

    TestTokens IProcessUnderTest.Tokens => Tokens;
}

[Collection(AuthorizationCollection.Name)]
public sealed class IntakeAuthorizationTests(IntakeAuthorizationTests.Intake intake)
    : ProtectedEndpointsTests(intake), IClassFixture<IntakeAuthorizationTests.Intake>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Which service answers (no data).
        "GET /api/intake",
        // The framework versions published results were scored under.
        "GET /api/intake/public/frameworks/{id}/versions/{version}",
    ];

    public sealed class Intake(PlatformInfrastructure infrastructure)
        : ServiceUnderTest<intake::Program, intake::Platform.Intake.Data.IntakeDbContext>(infrastructure, intake::Platform.Intake.IntakeModule.DatabaseName);
}

[Collection(AuthorizationCollection.Name)]
public sealed class MonthlyScoringAuthorizationTests(MonthlyScoringAuthorizationTests.MonthlyScoring scoring)
    : ProtectedEndpointsTests(scoring), IClassFixture<MonthlyScoringAuthorizationTests.MonthlyScoring>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Which service answers (no data).
        "GET /api/monthly-scoring",
        // Published results.
        "GET /api/monthly-scoring/public/periods",
        "GET /api/monthly-scoring/public/results",
    ];

    public sealed class MonthlyScoring(PlatformInfrastructure infrastructure)
        : ServiceUnderTest<scoring::Program, scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext>(infrastructure, scoring::Platform.MonthlyScoring.MonthlyScoringModule.DatabaseName);
}

[Collection(AuthorizationCollection.Name)]
public sealed class DxIndexAuthorizationTests(DxIndexAuthorizationTests.DxIndex dx)
    : ProtectedEndpointsTests(dx), IClassFixture<DxIndexAuthorizationTests.DxIndex>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Which service answers (no data).
        "GET /api/dx-index",
        // The published DTI.
        "GET /api/dx-index/public/dti/years",
        "GET /api/dx-index/public/dti/{year}",
    ];

    public sealed class DxIndex(PlatformInfrastructure infrastructure)
        : ServiceUnderTest<dxindex::Program, dxindex::Platform.DxIndex.Data.DxIndexDbContext>(infrastructure, dxindex::Platform.DxIndex.DxIndexModule.DatabaseName);
}

[Collection(AuthorizationCollection.Name)]
public sealed class NotificationsAuthorizationTests(NotificationsAuthorizationTests.Notifications notifications)
    : ProtectedEndpointsTests(notifications), IClassFixture<NotificationsAuthorizationTests.Notifications>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Which service answers (no data).
        "GET /api/notifications",
    ];

    public sealed class Notifications(PlatformInfrastructure infrastructure)
        : ServiceUnderTest<notifications::Program, notifications::Platform.Notifications.Data.NotificationsDbContext>(infrastructure, notifications::Platform.Notifications.NotificationsModule.DatabaseName);
}

[Collection(AuthorizationCollection.Name)]
public sealed class ReportingAuthorizationTests(ReportingAuthorizationTests.Reporting reporting)
    : ProtectedEndpointsTests(reporting), IClassFixture<ReportingAuthorizationTests.Reporting>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Which service answers (no data).
        "GET /api/reporting",
        // Public results, their history and corrections.
        "GET /api/reporting/public/publications",
        "GET /api/reporting/public/results/{framework}/{period}/{peerGroup}",
        "GET /api/reporting/public/results/{framework}/{period}/{peerGroup}/export",
    ];

    public sealed class Reporting(PlatformInfrastructure infrastructure)
        : ServiceUnderTest<reporting::Program, reporting::Platform.Reporting.Data.ReportingDbContext>(infrastructure, reporting::Platform.Reporting.ReportingModule.DatabaseName);
}

/// <summary>
/// The gateway's own endpoints: every one is public (sign-in, sign-out, who am I, health, the status page), and so is the
/// proxy — the services behind it authorize what it forwards (walked above), SessionApi checks the session before it.
/// </summary>
[Collection(AuthorizationCollection.Name)]
public sealed class GatewayAuthorizationTests(GatewayAuthorizationTests.Gateway gateway)
    : EndpointWalkTests(gateway), IClassFixture<GatewayAuthorizationTests.Gateway>
{
    protected override IReadOnlyList<string> PublicEndpoints { get; } =
    [
        .. DefaultPublicEndpoints.All,
        // Sign in, sign out, who am I (answers 401 itself without a session).
        "GET /dang-nhap",
        "POST /dang-xuat",
        "GET /api/me",
        // Every service's health, for operators and people.
        "GET /health/all",
        "GET /trang-thai",
        // The proxy: the service behind it authorizes each request (walked above); SessionApi checks session and CSRF first.
        "* /api/intake/{**rest}",
        "* /api/monthly-scoring/{**rest}",
        "* /api/dx-index/{**rest}",
        "* /api/notifications/{**rest}",
        "* /api/reporting/{**rest}",
        // The web application (its pages ask the gateway, with the session, for what they show).
        "* /{**rest}",
    ];

    /// <summary>The gateway on its own session database, trusting the test tokens (no OpenID Connect client configured).</summary>
    public sealed class Gateway(PlatformInfrastructure infrastructure) : IProcessUnderTest, IAsyncLifetime
    {
        private ServiceFactory<gateway::Program> _factory = null!;

        public TestTokens Tokens { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public IServiceProvider Services => _factory.Services;

        public ValueTask InitializeAsync()
        {
            _factory = new ServiceFactory<gateway::Program>(
                new Dictionary<string, string> { ["ConnectionStrings:gatewaydb"] = infrastructure.NewDatabaseConnectionString("authz-gateway") }, Tokens);
            Client = _factory.CreateClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _factory.DisposeAsync();
            Tokens.Dispose();
        }
    }
}
