using Platform.TestSupport.Security;

namespace Platform.Security.Tests.Authorization;

/// <summary>A started process of the platform whose endpoint data source is walked and whose protected endpoints are probed.</summary>
public interface IProcessUnderTest
{
    IServiceProvider Services { get; }

    /// <summary>A client without a token.</summary>
    HttpClient Client { get; }

    /// <summary>Mints the tokens the process accepts.</summary>
    TestTokens Tokens { get; }
}

/// <summary>
/// Every endpoint a process maps either requires authorization (a policy, <c>RequireAuthorization()</c>) or allows anonymous
/// callers and is on the process's explicit public list (<see cref="PublicEndpoints"/>). An endpoint with neither is only
/// protected by ServiceDefaults' fallback policy; it fails here too, so each endpoint says what it wants.
/// </summary>
public abstract class EndpointWalkTests(IProcessUnderTest process)
{
    private const string Public = "public (AllowAnonymous)";
    private const string Protected = "requires authorization";
    private const string Undeclared = "no authorization metadata (only the fallback policy protects it)";

    protected IProcessUnderTest Process { get; } = process;

    /// <summary>The endpoints anyone may call, as <c>METHODS /pattern</c> (<see cref="WalkedEndpoint.Name"/>): one list per process.</summary>
    protected abstract IReadOnlyList<string> PublicEndpoints { get; }

    [Fact]
    public void Every_endpoint_requires_authorization_or_allows_anonymous_callers_and_is_on_the_public_list()
    {
        var endpoints = EndpointWalk.Endpoints(Process.Services);

        Assert.NotEmpty(endpoints);
        var observed = endpoints.Select(e => $"{e.Name}: {(e.AllowsAnonymous ? Public : e.RequiresAuthorization ? Protected : Undeclared)}");
        var expected = endpoints.Select(e => $"{e.Name}: {(PublicEndpoints.Contains(e.Name) ? Public : Protected)}");
        AssertSame(expected, observed);
        var routes = EndpointWalk.ProtectedRoutes(Process.Services);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{endpoints.Count} endpoints walked, {endpoints.Count(e => e.AllowsAnonymous)} public, {routes.Count} protected routes:\n{string.Join('\n', routes)}");
    }

    [Fact]
    public void The_public_list_names_only_endpoints_the_process_maps()
    {
        var names = EndpointWalk.Endpoints(Process.Services).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(PublicEndpoints.Order(StringComparer.Ordinal), PublicEndpoints.Where(names.Contains).Order(StringComparer.Ordinal));
    }

    /// <summary>Equal lists, or a failure naming every line that differs (not only the first).</summary>
    protected static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        var differences = e.Zip(a).Where(p => p.First != p.Second).Select(p => $"  {p.Second}\n    expected: {p.First}").ToList();
        if (e.Count != a.Count) differences.Add($"  {a.Count} answers for {e.Count} expected");
        if (differences.Count > 0) Assert.Fail($"{differences.Count} of {e.Count} differ:\n{string.Join('\n', differences)}");
    }
}

/// <summary>
/// <see cref="EndpointWalkTests"/>, and every protected endpoint — generated from the endpoint data source, route
/// parameters filled with harmless values — answers a token without exactly one <c>org_unit</c> with 403
/// <c>ApiProblems.NoUnit()</c>, a forged one with 401, and lets a valid one through.
/// </summary>
public abstract class ProtectedEndpointsTests(IProcessUnderTest process) : EndpointWalkTests(process)
{
    public static TheoryData<OrgUnitShape> WithoutOneUnit => new(TokenProbe.WithoutOneUnit);

    public static TheoryData<Forgery> Forgeries => new(Enum.GetValues<Forgery>());

    [Theory]
    [MemberData(nameof(WithoutOneUnit))]
    public async Task Every_protected_endpoint_answers_a_token_without_exactly_one_org_unit_with_403_no_unit(OrgUnitShape shape)
    {
        var routes = Routes();

        var answers = await TokenProbe.ObserveAsync(Process.Client, Process.Tokens.Mint(TokenProbe.CallerWith(shape)), routes,
            TestContext.Current.CancellationToken);

        AssertSame(TokenProbe.Expected(TokenProbe.NoUnit, routes), answers);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Every_protected_endpoint_refuses_a_forged_token_with_401_invalid_token(Forgery forgery)
    {
        var routes = Routes();

        var answers = await TokenProbe.ObserveAsync(Process.Client, Process.Tokens.Forge(forgery, TokenProbe.Caller), routes,
            TestContext.Current.CancellationToken);

        AssertSame(TokenProbe.Expected(TokenProbe.Refused, routes), answers);
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_a_request_without_a_token_with_401()
    {
        var routes = Routes();

        var answers = await TokenProbe.ObserveAsync(Process.Client, null, routes, TestContext.Current.CancellationToken);

        AssertSame(TokenProbe.Expected(TokenProbe.SignInRequired, routes), answers);
    }

    /// <remarks>
    /// Compared with the same unit written as a string rather than with "admitted": a handler may itself answer
    /// <c>NoUnit</c> for a unit its service does not know (the DX index's province scope, on an empty database).
    /// </remarks>
    [Fact]
    public async Task Every_protected_endpoint_answers_a_one_element_array_org_unit_as_it_answers_the_same_unit_as_a_string()
    {
        var routes = Routes();
        var ct = TestContext.Current.CancellationToken;

        var asString = await TokenProbe.ObserveAsync(Process.Client, Process.Tokens.Mint(TokenProbe.Caller), routes, ct);
        var asArray = await TokenProbe.ObserveAsync(Process.Client, Process.Tokens.Mint(TokenProbe.CallerWith(OrgUnitShape.OneElementArray)), routes, ct);

        AssertSame(asString, asArray);
        // Past authentication and never a server error (a handler's own 403 or 404 counts as admitted).
        Assert.All(asString, a => Assert.True(a.EndsWith(TokenProbe.Admitted, StringComparison.Ordinal) || a.EndsWith(TokenProbe.NoUnit, StringComparison.Ordinal), a));
    }

    private IReadOnlyList<ProtectedRoute> Routes()
    {
        var routes = EndpointWalk.ProtectedRoutes(Process.Services);
        Assert.NotEmpty(routes);
        return routes;
    }
}
