using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport.Browsing;

namespace Platform.FaultInjection.Tests;

/// <summary>One answer: its status (0 when none came: connection refused or reset, timeout) and its body.</summary>
public sealed record Answer(int Status, string Body)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>What a real client tries again with the same request: no answer, a 5xx (a 502/503 of the gateway while a service is down), 408, 429.</summary>
    public bool Transient => Status is 0 or >= 500 or 408 or 429;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}

/// <summary>How a client waits before trying again: 250 ms doubling to 3 s, for at most <see cref="Patience"/> per request.</summary>
public static class Backoff
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    public static Task WaitAsync(int attempt) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(3_000, 250 * Math.Pow(2, Math.Min(attempt, 5)))));
}

/// <summary>
/// A source system (Hệ thống 57) calling the machine API through the gateway with a client-credentials token from the
/// identity provider: a new token when it nears its end or is refused (401).
/// </summary>
public sealed class MachineClient(Uri gateway, Uri identity) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private (string Token, DateTimeOffset Renew)? _token;

    public async Task<string> TokenAsync(bool renew = false)
    {
        await _tokenLock.WaitAsync();
        try
        {
            if (!renew && _token is { } t && t.Renew > DateTimeOffset.UtcNow) return t.Token;
            using var response = await _http.PostAsync(new Uri(identity, "/realms/platform/protocol/openid-connect/token"),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = FaultedPlatform.MachineClient,
                    ["client_secret"] = FaultedPlatform.MachineSecret,
                }));
            response.EnsureSuccessStatusCode();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var lifetime = body["expires_in"]?.GetValue<int>() ?? 300;
            _token = (body["access_token"]!.GetValue<string>(), DateTimeOffset.UtcNow.AddSeconds(lifetime * 0.7));
            return _token.Value.Token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    public async Task<Answer> PushAsync(object body, string idempotencyKey, bool renewToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/intake/machine/submissions")) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(renewToken));
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await _http.SendAsync(request);
            return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(0, ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// A person's browser at the gateway: signed in through the identity provider's form, the session cookie on every call
/// and <c>X-CSRF: 1</c> on unsafe methods, as the web application sends them.
/// </summary>
public sealed class WebBrowser : CookieBrowser
{
    private static readonly IReadOnlyDictionary<string, string> Csrf = new Dictionary<string, string> { ["X-CSRF"] = "1" };
    private readonly HttpClient _http;

    private WebBrowser(Uri gateway, HttpClient http) : base(gateway, _ => http) => _http = http;

    public static WebBrowser Open(Uri gateway) =>
        new(gateway, new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Signs in; true when <c>/api/me</c> then knows the person.</summary>
    public async Task<bool> TrySignInAsync(string username)
    {
        try
        {
            var landed = await SignInAsync(username, FaultedPlatform.Password, returnUrl: "/api/me");
            return landed.Status == HttpStatusCode.OK && landed.Body.Contains($"\"username\":\"{username}\"", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task<Answer> CallAsync(HttpMethod method, string path, object? body = null)
    {
        try
        {
            var page = await SendAsync(method, path, body is null ? null : JsonContent.Create(body), method == HttpMethod.Get ? null : Csrf);
            return new Answer((int)page.Status, page.Body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(0, ex.Message);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// A person who keeps working through outages: a browser signed in once, signed in again (a new browser) when the
/// gateway answers 401 — the session was lost — as a person would.
/// </summary>
public sealed class Person(Uri gateway, string username) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private WebBrowser? _browser;
    private int _signIns;

    public string Username => username;
    public int SignIns => _signIns;

    public async Task<WebBrowser> BrowserAsync(WebBrowser? refused = null)
    {
        await _lock.WaitAsync();
        try
        {
            if (_browser is not null && _browser != refused) return _browser;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var attempt = 0; ; attempt++)
            {
                var browser = WebBrowser.Open(gateway);
                if (await browser.TrySignInAsync(username))
                {
                    _browser?.Dispose();
                    _browser = browser;
                    Interlocked.Increment(ref _signIns);
                    return browser;
                }
                browser.Dispose();
                if (clock.Elapsed > Backoff.Patience) throw new InvalidOperationException($"{username} could not sign in for {Backoff.Patience.TotalMinutes:0} minutes.");
                await Backoff.WaitAsync(attempt);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A call that is tried again after a new sign-in when the session was lost (401); other answers are returned.</summary>
    public async Task<Answer> CallAsync(HttpMethod method, string path, object? body = null)
    {
        var browser = await BrowserAsync();
        var answer = await browser.CallAsync(method, path, body);
        if (answer.Status != 401) return answer;
        browser = await BrowserAsync(refused: browser);
        return await browser.CallAsync(method, path, body);
    }

    public void Dispose() => _browser?.Dispose();
}
