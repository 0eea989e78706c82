using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// The rows and the check of each service's "only a valid token gets in" theory: every <see cref="Forgery"/> and a valid
/// token (<c>null</c>), sent to every protected route group of the service. The answers are classified, so one
/// <c>Assert.Equal(TokenProbe.Expected(...), await TokenProbe.ObserveAsync(...))</c> shows every route that misbehaves.
/// </summary>
public static class TokenProbe
{
    /// <summary>The Vietnamese 401 problem with the RFC 6750 challenge a refused token gets.</summary>
    public const string Refused = "401 invalid_token, problem \"Chưa đăng nhập\" in Vietnamese";

    /// <summary>Authentication let the request through (the handler or a role check answered, without a server error).</summary>
    public const string Admitted = "admitted";

    /// <summary>Signs in with every role, so a valid token reaches the handlers (a 403 from a handler is still "admitted").</summary>
    public static readonly TestUser Caller = new("kiem-tra-token.lao-cai",
        [PlatformRoles.PlatformAdmin, PlatformRoles.FrameworkAdmin, PlatformRoles.Reviewer, PlatformRoles.Reporter,
         PlatformRoles.Publisher, PlatformRoles.BonusApprover, PlatformRoles.Leader], OrgUnit: "lao-cai");

    /// <summary>The rows (<c>new TheoryData&lt;Forgery?&gt;(TokenProbe.Cases)</c>): <c>null</c> = a valid token, then each forgery.</summary>
    public static IReadOnlyList<Forgery?> Cases { get; } = [null, .. Enum.GetValues<Forgery>().Select(f => (Forgery?)f)];

    public static string Token(this TestTokens tokens, Forgery? forgery, TestUser? user = null) =>
        forgery is { } f ? tokens.Forge(f, user ?? Caller) : tokens.Mint(user ?? Caller);

    public static IReadOnlyList<string> Expected(Forgery? forgery, IEnumerable<ProtectedRoute> routes) =>
        [.. routes.Select(r => $"{r}: {(forgery is null ? Admitted : Refused)}")];

    /// <summary>Calls each route with <paramref name="token"/> as bearer and describes the answer.</summary>
    public static async Task<IReadOnlyList<string>> ObserveAsync(HttpClient client, string token, IEnumerable<ProtectedRoute> routes, CancellationToken ct)
    {
        var answers = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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
        if (status != 401) return Admitted;
        var challenge = response.Headers.WwwAuthenticate.ToString();
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!challenge.StartsWith("Bearer", StringComparison.Ordinal) || !challenge.Contains("error=\"invalid_token\"", StringComparison.Ordinal))
            return $"401 with challenge '{challenge}'";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"401 without problem details: {body}";
        using var problem = JsonDocument.Parse(body);
        var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var vietnamese = detail is not null && detail.Any(c => c > 127);
        var statusField = problem.RootElement.TryGetProperty("status", out var s) ? s.GetInt32() : 0;
        return statusField == 401 && title == "Chưa đăng nhập" && vietnamese ? Refused : $"401 problem {body}";
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
