using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Gateway.Tests.Access;

/// <summary>The gateway and a stand-in for every service behind it that counts the requests reaching it.</summary>
public sealed class ForgedTokenSites : IAsyncLifetime
{
    private readonly int _backendPort = Ports.GetFree();
    private WebApplication _backend = null!;
    private int _reached;

    public TestTokens Tokens { get; } = new();
    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;
    public int Reached => Volatile.Read(ref _reached);

    /// <summary>One route of each service, the public paths (a token sent there is checked too) and an unsafe method.</summary>
    public static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/api/intake/submissions"),
        ("POST", "/api/intake/values"),
        ("GET", "/api/monthly-scoring/results"),
        ("GET", "/api/monthly-scoring/public/results"),
        ("GET", "/api/dx-index/units"),
        ("GET", "/api/notifications/inbox"),
        ("DELETE", "/api/reporting/reports/1"),
    ];

    public async ValueTask InitializeAsync()
    {
        _backend = await StandIn.StartAsync(_backendPort, app => app.Map("/{**rest}", (HttpRequest _) =>
        {
            Interlocked.Increment(ref _reached);
            return "reached";
        }), cancellationToken: TestContext.Current.CancellationToken);
        var address = $"http://127.0.0.1:{_backendPort}";
        Gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = address,
            ["services:monthly-scoring:http:0"] = address,
            ["services:dx-index:http:0"] = address,
            ["services:notifications:http:0"] = address,
            ["services:reporting:http:0"] = address,
            ["services:web:http:0"] = address,
            // Remembering accepted tokens must not matter here: every forged one is checked, and refused, each time.
            ["Gateway:RateLimit:PermitLimit"] = "100000",
        }, Tokens);
        Gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _backend.DisposeAsync();
        Tokens.Dispose();
    }
}

/// <summary>
/// Every way of forging a token the services refuse (<see cref="Forgery"/>, all of its values) is refused at the gateway
/// too, with the Vietnamese 401 problem, on every route, before any service sees the request.
/// </summary>
public sealed class ForgedTokenTests(ForgedTokenSites sites) : IClassFixture<ForgedTokenSites>
{
    private static readonly TestUser Person = new("lao-cai.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    public static TheoryData<Forgery> EveryForgery() => new(Enum.GetValues<Forgery>());

    [Theory]
    [MemberData(nameof(EveryForgery))]
    public async Task A_forged_token_is_refused_at_the_gateway_with_the_Vietnamese_401_problem_and_never_reaches_a_service(Forgery forgery)
    {
        var client = sites.Gateway.CreateClient();
        var token = sites.Tokens.Forge(forgery, Person);
        var before = sites.Reached;

        foreach (var (method, path) in ForgedTokenSites.Routes)
        {
            // Twice: a refused token is not remembered, the second try is checked (and refused) again.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var response = await Send(client, method, path, token);

                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
                Assert.Equal("Chưa đăng nhập", problem.RootElement.GetProperty("title").GetString());
                Assert.Equal("Mã truy cập (bearer token) không hợp lệ, đã hết hạn hoặc không dành cho hệ thống này.",
                    problem.RootElement.GetProperty("detail").GetString());
            }
        }

        Assert.Equal(before, sites.Reached);
    }

    [Fact]
    public async Task The_same_person_with_a_genuine_token_reaches_every_route_so_the_refusals_are_the_forgerys_doing()
    {
        var client = sites.Gateway.CreateClient();
        var token = sites.Tokens.Mint(Person);
        var before = sites.Reached;

        foreach (var (method, path) in ForgedTokenSites.Routes)
        {
            using var response = await Send(client, method, path, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before + ForgedTokenSites.Routes.Length, sites.Reached);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer a.!!!.c")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer ....")]
    [InlineData("Basic bGFvLWNhaTpkZXYtb25seS0xMjM=")]
    [InlineData("bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task A_malformed_or_non_bearer_authorization_header_is_refused_the_same_way(string authorization)
    {
        var client = sites.Gateway.CreateClient();
        var before = sites.Reached;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/submissions");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("không hợp lệ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, sites.Reached);
    }

    [Theory]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer a.!!!.c")]
    public async Task A_malformed_token_on_a_page_request_is_no_server_error(string authorization)
    {
        // Pages are not API calls: the gateway does not check a token there, but reading it (for the rate limit) must not fail.
        var client = sites.Gateway.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/bao-cao");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
