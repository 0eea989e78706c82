using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests;

public sealed class TokenValidationTests : IAsyncLifetime
{
    private static readonly TestUser Reporter = new(
        "bientap.laocai", RealmRoles: [PlatformRoles.Reporter, "offline_access"], ClientRoles: ["evidence-uploader"], OrgUnit: "T10-SKHCN");

    private readonly TestTokens _tokens = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await ProtectedApp.StartAsync(_tokens);
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task A_valid_token_is_accepted_with_realm_and_client_roles_mapped_and_the_org_unit_readable()
    {
        var response = await GetAsync(ProtectedApp.ReporterPath, _tokens.Mint(Reporter));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<ProtectedApp.Caller>(TestContext.Current.CancellationToken);
        Assert.NotNull(caller);
        Assert.Equal("bientap.laocai", caller.Name);
        Assert.Equal(Reporter.Subject, caller.Subject);
        Assert.Equal("T10-SKHCN", caller.OrgUnit);
        Assert.False(caller.Machine);
        // Each role once, although the transformation may run more than once per request.
        Assert.Equal(["evidence-uploader", "offline_access", "reporter"], caller.Roles);
    }

    [Fact]
    public async Task Client_roles_of_another_client_are_not_roles_here()
    {
        // resource_access.account.roles (manage-account, view-profile) is in every token and must not count.
        var response = await GetAsync(ProtectedApp.ReporterPath, _tokens.Mint(Reporter));

        var caller = await response.Content.ReadFromJsonAsync<ProtectedApp.Caller>(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("manage-account", caller!.Roles);
    }

    [Fact]
    public async Task A_role_granted_only_as_a_client_role_of_this_api_satisfies_the_policy()
    {
        var user = new TestUser("nguoi.nhap.lieu", ClientRoles: [PlatformRoles.Reporter], OrgUnit: "T10");

        var response = await GetAsync(ProtectedApp.ReporterPath, _tokens.Mint(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_service_account_token_is_recognised_as_a_machine_client()
    {
        var machine = TestUser.Machine("he-thong-57", [PlatformRoles.Reporter], orgUnit: "T10");

        var response = await GetAsync(ProtectedApp.ReporterPath, _tokens.Mint(machine));

        var caller = await response.Content.ReadFromJsonAsync<ProtectedApp.Caller>(TestContext.Current.CancellationToken);
        Assert.True(caller!.Machine);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details_in_Vietnamese_and_a_bearer_challenge()
    {
        var response = await GetAsync(ProtectedApp.ReporterPath, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertProblemAsync(response, 401, "Chưa đăng nhập");
    }

    [Theory]
    [InlineData(Forgery.OtherKey)]
    [InlineData(Forgery.AlgNone)]
    [InlineData(Forgery.Hs256WithPublicKey)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.WrongIssuer)]
    [InlineData(Forgery.WrongAudience)]
    [InlineData(Forgery.RefreshToken)]
    [InlineData(Forgery.IdToken)]
    public async Task A_forged_or_misdirected_token_gets_401_with_invalid_token(Forgery forgery)
    {
        var response = await GetAsync(ProtectedApp.ReporterPath, _tokens.Forge(forgery, Reporter));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertProblemAsync(response, 401, "Chưa đăng nhập");
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = _tokens.Mint(Reporter, now: DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(-10), lifetime: TimeSpan.FromMinutes(5));

        var response = await GetAsync(ProtectedApp.ReporterPath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_caller_without_the_role_gets_403_problem_details_in_Vietnamese()
    {
        var response = await GetAsync(ProtectedApp.ReviewerPath, _tokens.Mint(Reporter));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertProblemAsync(response, 403, "Không có quyền thực hiện");
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        var response = await GetAsync("/alive", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(TestContext.Current.CancellationToken);
        Assert.Equal(status, problem!.Status);
        Assert.Equal(title, problem.Title);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.Contains(problem.Detail, c => c > 127); // Vietnamese, not the English default
    }

    internal sealed record Problem(int Status, string Title, string Detail);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _tokens.Dispose();
    }
}
