using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Xunit;

namespace Platform.TestSupport.Security;

/// <summary>
/// A route a service protects, called with a token and a trivial body (<c>{}</c>, or empty for another
/// <paramref name="ContentType"/>): routes that declare what they accept are only matched with that content type.
/// </summary>
public sealed record ProtectedRoute(string Method, string Path, string ContentType = "application/json")
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>How a token's <c>org_unit</c> is written (<see cref="TokenProbe.CallerWith"/>).</summary>
public enum OrgUnitShape
{
    /// <summary>No <c>org_unit</c> claim.</summary>
    Absent,

    /// <summary><c>"org_unit": ["lao-cai", "yen-bai"]</c>: two different units.</summary>
    TwoUnits,

    /// <summary><c>"org_unit": ""</c>.</summary>
    Empty,

    /// <summary><c>"org_unit": ["lao-cai"]</c>: valid, the same as the string.</summary>
    OneElementArray,
}

/// <summary>
/// The rows and the check of each service's "only a valid token gets in" theory: every <see cref="Forgery"/> and a valid
/// token (<c>null</c>), sent to every protected route group of the service. The answers are classified, so one
/// <c>Assert.Equal(TokenProbe.Expected(...), await TokenProbe.ObserveAsync(...))</c> shows every route that misbehaves.
/// </summary>
public static class TokenProbe
{
    /// <summary>The Vietnamese 401 problem with the RFC 6750 challenge a refused token gets.</summary>
    public const string Refused = "401 invalid_token, problem \"Chưa đăng nhập\" in Vietnamese";

    /// <summary>The Vietnamese 401 problem with a bare <c>Bearer</c> challenge a request without a token gets.</summary>
    public const string SignInRequired = "401 Bearer, problem \"Chưa đăng nhập\" in Vietnamese";

    /// <summary>The Vietnamese 403 problem of <c>ApiProblems.NoUnit()</c> a token without exactly one <c>org_unit</c> gets.</summary>
    public const string NoUnit = "403 problem NoUnit (no single org_unit) in Vietnamese";

    /// <summary>Authentication let the request through (the handler or a role check answered, without a server error).</summary>
    public const string Admitted = "admitted";

    /// <summary>Signs in with every role, so a valid token reaches the handlers (a 403 from a handler is still "admitted").</summary>
    public static readonly TestUser Caller = new("kiem-tra-token.lao-cai",
        [PlatformRoles.PlatformAdmin, PlatformRoles.FrameworkAdmin, PlatformRoles.Reviewer, PlatformRoles.Reporter,
         PlatformRoles.Publisher, PlatformRoles.BonusApprover, PlatformRoles.Leader], OrgUnit: "lao-cai");

    /// <summary><see cref="Caller"/> (every role) with a validly signed token whose <c>org_unit</c> is shaped as <paramref name="shape"/> says.</summary>
    public static TestUser CallerWith(OrgUnitShape shape) => shape switch
    {
        OrgUnitShape.Absent => Caller.WithoutOrgUnit(),
        OrgUnitShape.Empty => Caller with { OrgUnit = "" },
        OrgUnitShape.TwoUnits => Caller.WithOrgUnits("lao-cai", "yen-bai"),
        OrgUnitShape.OneElementArray => Caller.WithOrgUnits("lao-cai"),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>The <c>org_unit</c> shapes that name no single unit: every protected route answers them <see cref="NoUnit"/>.</summary>
    public static IReadOnlyList<OrgUnitShape> WithoutOneUnit { get; } = [OrgUnitShape.Absent, OrgUnitShape.TwoUnits, OrgUnitShape.Empty];

    /// <summary>Every route answering <paramref name="answer"/>.</summary>
    public static IReadOnlyList<string> Expected(string answer, IEnumerable<ProtectedRoute> routes) =>
        [.. routes.Select(r => $"{r}: {answer}")];

    /// <summary>The rows (<c>new TheoryData&lt;Forgery?&gt;(TokenProbe.Cases)</c>): <c>null</c> = a valid token, then each forgery.</summary>
    public static IReadOnlyList<Forgery?> Cases { get; } = [null, .. Enum.GetValues<Forgery>().Select(f => (Forgery?)f)];

    public static string Token(this TestTokens tokens, Forgery? forgery, TestUser? user = null) =>
        forgery is { } f ? tokens.Forge(f, user ?? Caller) : tokens.Mint(user ?? Caller);

    public static IReadOnlyList<string> Expected(Forgery? forgery, IEnumerable<ProtectedRoute> routes) =>
        [.. routes.Select(r => $"{r}: {(forgery is null ? Admitted : Refused)}")];

    /// <summary>Calls each route with <paramref name="token"/> as bearer (none when null) and describes the answer.</summary>
    public static async Task<IReadOnlyList<string>> ObserveAsync(HttpClient client, string? token, IEnumerable<ProtectedRoute> routes, CancellationToken ct)
    {
        var answers = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (route.Method is "POST" or "PUT")
                request.Content = new StringContent(route.ContentType == "application/json" ? "{}" : "", System.Text.Encoding.UTF8, route.ContentType);
            using var response = await client.SendAsync(request, ct);
            answers.Add($"{route}: {await DescribeAsync(response, ct)}");
        }
        return answers;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status} server error";
        if (status == 403 && await IsNoUnitAsync(response, ct)) return NoUnit;
        if (status != 401) return Admitted;
        var challenge = response.Headers.WwwAuthenticate.ToString();
        var body = await response.Content.ReadAsStringAsync(ct);
        var answer = challenge == "Bearer" ? SignInRequired
            : challenge.StartsWith("Bearer", StringComparison.Ordinal) && challenge.Contains("error=\"invalid_token\"", StringComparison.Ordinal) ? Refused
            : null;
        if (answer is null) return $"401 with challenge '{challenge}'";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"401 without problem details: {body}";
        using var problem = JsonDocument.Parse(body);
        var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var vietnamese = detail is not null && detail.Any(c => c > 127);
        var statusField = problem.RootElement.TryGetProperty("status", out var s) ? s.GetInt32() : 0;
        return statusField == 401 && title == "Chưa đăng nhập" && vietnamese ? answer : $"401 problem {body}";
    }

    private static readonly string NoUnitDetail = ApiProblems.NoUnit().ProblemDetails.Detail!;

    private static async Task<bool> IsNoUnitAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = problem.RootElement;
        return root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == 403
            && root.TryGetProperty("title", out var t) && t.GetString() == VietnameseProblemDetails.Titles[403]
            && root.TryGetProperty("detail", out var d) && d.GetString() == NoUnitDetail;
    }
}

/// <summary>
/// One service for all rows of a token probe (<see cref="ServiceHost{TProgram, TDbContext}"/>: its own database, the
/// service's connection <paramref name="database"/>, and virtual host, trusting the test tokens' key). A test project
/// derives a concrete class fixture from it.
/// </summary>
public abstract class TokenProbeHost<TProgram, TDbContext>(PlatformInfrastructure infrastructure, string database) : IAsyncLifetime
    where TProgram : class
    where TDbContext : DbContext
{
    private ServiceHost<TProgram, TDbContext> _service = null!;

    public TestTokens Tokens => _service.Tokens;

    /// <summary>The started service's services (its endpoint data source: <see cref="EndpointWalk.ProtectedRoutes"/>).</summary>
    public IServiceProvider Services => _service.Services;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _service = await ServiceHost.StartAsync<TProgram, TDbContext>(infrastructure, database, "tokens");
        Client = _service.Client();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _service.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
