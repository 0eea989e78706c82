using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Session;

/// <summary>
/// The session's access token, refreshed first (refresh-token grant on the token endpoint, over the OIDC backchannel)
/// when it expires within <see cref="Margin"/>; the renewed tokens are written back into the server-side session.
/// Concurrent calls of one session share one refresh (keyed by the refresh token), and a call that read the session
/// just before another call renewed it gets the renewed tokens instead of redeeming the old refresh token again
/// (which an identity provider rotating refresh tokens would refuse, ending the session).
/// </summary>
internal sealed partial class TokenRefresh(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, SessionStore store, TimeProvider time, ILogger<TokenRefresh> logger,
    IOptions<SessionStoreOptions> sessions)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Lazy<Task<Renewed?>>> _refreshes = new(StringComparer.Ordinal);

    /// <summary>The access token to forward, or null when there is none and it cannot be refreshed (the session ends).</summary>
    public async Task<string?> CurrentAccessTokenAsync(HttpContext context, AuthenticateResult session)
    {
        var properties = session.Properties!;
        if (FreshAccessToken(properties) is { } accessToken) return accessToken;

        // This replica's copy may be a few seconds old: another replica may have refreshed (its refresh token is then the
        // one to redeem) or ended the session meanwhile. The stored session decides.
        if (context.Items[SessionStore.KeyItem] is string key)
        {
            var stored = await store.RetrieveFreshAsync(key, context.RequestAborted);
            if (stored is null) return null;
            properties.StoreTokens(stored.Properties.GetTokens());
            if (FreshAccessToken(properties) is { } renewedElsewhere) return renewedElsewhere;
        }

        var refreshToken = properties.GetTokenValue("refresh_token");
        if (refreshToken is null) return null;

        var renewed = await SharedRefreshAsync(refreshToken).WaitAsync(context.RequestAborted);
        if (renewed is null) return null;

        var tokens = properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        tokens["access_token"] = renewed.AccessToken;
        if (renewed.RefreshToken is not null) tokens["refresh_token"] = renewed.RefreshToken;
        if (renewed.IdToken is not null) tokens["id_token"] = renewed.IdToken;
        tokens["expires_at"] = renewed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture);
        properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        // A refresh is a use: the idle window starts again. (Signing in here makes the cookie handler skip its own sliding
        // renewal of this request, so without this a session used only at refresh moments ended one idle window after
        // sign-in.) The absolute lifetime still caps it (SessionStore).
        var now = time.GetUtcNow();
        properties.IssuedUtc = now;
        properties.ExpiresUtc = now + sessions.Value.IdleTimeout;
        // Same session key: the cookie handler renews the stored ticket in place.
        await context.SignInAsync(GatewaySession.CookieScheme, session.Principal!, properties);
        return renewed.AccessToken;
    }

    private string? FreshAccessToken(AuthenticationProperties properties)
    {
        var accessToken = properties.GetTokenValue("access_token");
        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : (DateTimeOffset?)null;
        return accessToken is not null && expiresAt is { } expiry && expiry - time.GetUtcNow() > Margin ? accessToken : null;
    }

    /// <summary>
    /// One refresh per refresh token at a time; its result is reused while the renewed access token is still fresh
    /// (what the session would use directly), then forgotten.
    /// </summary>
    private Task<Renewed?> SharedRefreshAsync(string refreshToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, done) in _refreshes)
        {
            if (done.IsValueCreated && done.Value.IsCompleted && !IsFresh(done.Value, now)) _refreshes.TryRemove(new(key, done));
        }
        // Not cancelled with the request that started it: others may be waiting for the same refresh.
        var shared = _refreshes.GetOrAdd(refreshToken, token => new Lazy<Task<Renewed?>>(() => RefreshAsync(token, CancellationToken.None)));
        return shared.Value;
    }

    private bool IsFresh(Task<Renewed?> refresh, DateTimeOffset now) =>
        refresh.IsCompletedSuccessfully && refresh.Result is { } renewed && renewed.ExpiresAt - now > Margin;

    private async Task<Renewed?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidcOptions.Get(GatewaySession.OidcScheme);
        if (options.ConfigurationManager is null) return null;
        try
        {
            var configuration = await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
            using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret ?? "",
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
                return null;
            }
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = body.RootElement;
            if (!root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } accessToken) return null;
            return new Renewed(
                accessToken,
                root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
                root.TryGetProperty("id_token", out var id) ? id.GetString() : null,
                time.GetUtcNow().AddSeconds(root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 300));
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException)
        {
            LogFailed(logger, exception);
            return null;
        }
    }

    private sealed record Renewed(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshing the session's access token was refused ({Status}); the session ends.")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the session's access token failed; the session ends.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
