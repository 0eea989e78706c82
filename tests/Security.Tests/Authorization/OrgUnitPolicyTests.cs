using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests.Authorization;

/// <summary>
/// The rules of ServiceDefaults' authorization on a service as small as it gets, one endpoint per way of declaring (or not
/// declaring) authorization: the fallback policy closes what says nothing, and exactly one <c>org_unit</c> is required
/// by every kind of policy, answered with <c>ApiProblems.NoUnit()</c>; a missing role keeps the usual 403.
/// </summary>
public sealed class OrgUnitPolicyTests : IAsyncLifetime
{
    private const string Undeclared = "/undeclared";
    private const string Default = "/default";
    private const string Named = "/named";
    private const string InPlace = "/in-place";
    private const string Anonymous = "/anonymous";

    private static readonly TestUser Reviewer = new("tham-dinh.lao-cai", [PlatformRoles.Reviewer], OrgUnit: "lao-cai");

    private readonly TestTokens _tokens = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public static TheoryData<OrgUnitShape> WithoutOneUnit => new(TokenProbe.WithoutOneUnit);

    public async ValueTask InitializeAsync()
    {
        _app = await DefaultsApp.StartAsync(app =>
        {
            app.MapGet(Undeclared, () => "ok");
            app.MapGet(Default, () => "ok").RequireAuthorization();
            app.MapGet(Named, () => "ok").RequireAuthorization(PlatformPolicies.Reviewer);
            app.MapGet(InPlace, () => "ok").RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.Leader));
            app.MapGet(Anonymous, () => "ok").AllowAnonymous();
        }, new Dictionary<string, string?> { ["OTEL_SDK_DISABLED"] = "true" }, _tokens, cancellationToken: TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    [Theory]
    [MemberData(nameof(WithoutOneUnit))]
    public async Task A_token_without_exactly_one_org_unit_gets_403_no_unit_whatever_the_endpoint_declares(OrgUnitShape shape)
    {
        var token = _tokens.Mint(Reviewer with { OrgUnit = TokenProbe.CallerWith(shape).OrgUnit, OrgUnits = TokenProbe.CallerWith(shape).OrgUnits });

        var answers = await AnswersAsync(token, Undeclared, Default, Named, InPlace);

        Assert.Equal([$"{Undeclared}: 403 no-unit", $"{Default}: 403 no-unit", $"{Named}: 403 no-unit", $"{InPlace}: 403 no-unit"], answers);
    }

    [Fact]
    public async Task A_token_without_the_role_and_without_a_unit_gets_the_no_unit_answer_not_the_role_one()
    {
        var token = _tokens.Mint(new TestUser("bao-cao", [PlatformRoles.Reporter]));

        var answers = await AnswersAsync(token, Named, InPlace);

        Assert.Equal([$"{Named}: 403 no-unit", $"{InPlace}: 403 no-unit"], answers);
    }

    [Fact]
    public async Task A_token_with_one_unit_but_without_the_role_keeps_the_usual_403()
    {
        var token = _tokens.Mint(new TestUser("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai"));

        var answers = await AnswersAsync(token, Named, InPlace, Default, Undeclared);

        Assert.Equal([$"{Named}: 403 forbidden", $"{InPlace}: 403 forbidden", $"{Default}: 200", $"{Undeclared}: 200"], answers);
    }

    [Fact]
    public async Task A_token_with_one_unit_as_a_string_or_a_one_element_array_is_admitted()
    {
        var answers = await AnswersAsync(_tokens.Mint(Reviewer), Undeclared, Default, Named, InPlace);
        var asArray = await AnswersAsync(_tokens.Mint(Reviewer.WithOrgUnits("lao-cai")), Undeclared, Default, Named, InPlace);

        Assert.Equal([$"{Undeclared}: 200", $"{Default}: 200", $"{Named}: 200", $"{InPlace}: 200"], answers);
        Assert.Equal(answers, asArray);
    }

    [Fact]
    public async Task An_endpoint_that_declares_nothing_is_closed_and_only_an_anonymous_one_is_open()
    {
        var answers = await AnswersAsync(null, Undeclared, Default, Anonymous, "/no-such-path");
        var withoutUnit = await AnswersAsync(_tokens.Mint(Reviewer.WithoutOrgUnit()), Anonymous, "/no-such-path");

        // A path no endpoint answers stays a 404: the fallback closes endpoints, and nothing serves a request without one.
        Assert.Equal([$"{Undeclared}: 401", $"{Default}: 401", $"{Anonymous}: 200", "/no-such-path: 404"], answers);
        Assert.Equal([$"{Anonymous}: 200", "/no-such-path: 404"], withoutUnit);
    }

    private async Task<List<string>> AnswersAsync(string? token, params string[] paths)
    {
        var answers = new List<string>();
        foreach (var path in paths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add($"{path}: {await DescribeAsync(response)}");
        }
        return answers;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden) return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = problem.RootElement;
        Assert.Equal(403, root.GetProperty("status").GetInt32());
        Assert.Equal("Không có quyền thực hiện", root.GetProperty("title").GetString());
        var detail = root.GetProperty("detail").GetString();
        if (detail == ApiProblems.NoUnit().ProblemDetails.Detail) return "403 no-unit";
        Assert.Equal("Tài khoản của bạn không có quyền thực hiện thao tác này.", detail);
        return "403 forbidden";
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _tokens.Dispose();
    }
}
