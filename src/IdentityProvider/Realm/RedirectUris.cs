namespace Platform.IdentityProvider.Realm;

/// <summary>
/// Keycloak's rules for a client's addresses (its <c>RedirectUtils</c> and <c>WebOriginsUtils</c>), so that a realm
/// file accepted here is accepted by Keycloak and the other way round:
/// <list type="bullet">
/// <item>a registered URI matches exactly, or it ends in <c>*</c> and is a prefix (query ignored, no <c>*</c> elsewhere);</item>
/// <item>for <c>http://localhost</c> and <c>http://127.0.0.1</c> (not https, not <c>[::1]</c>) the port is ignored when
/// no registration matched with it (RFC 8252 §7.3): register <c>http://127.0.0.1/signin-oidc</c> for any port;</item>
/// <item><c>webOrigins</c> <c>+</c> means the origins of the redirect URIs, <c>*</c> any origin;</item>
/// <item><c>post.logout.redirect.uris</c> (<c>##</c>-separated) <c>+</c> adds the redirect URIs, <c>-</c> allows none.</item>
/// </list>
/// </summary>
public static class RedirectUris
{
    private const string Localhost = "http://localhost";
    private const string Loopback = "http://127.0.0.1";

    public static bool RedirectAllowed(RealmClient client, string? uri) => Allowed(client.RedirectUris ?? [], uri);

    public static bool PostLogoutRedirectAllowed(RealmClient client, string? uri) => Allowed(PostLogout(client), uri);

    public static IReadOnlyList<string> PostLogout(RealmClient client)
    {
        var configured = client.Attributes?.GetValueOrDefault("post.logout.redirect.uris")?.Split("##", StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (configured.Length == 0 || configured[0] == "-") return [];
        return configured.Contains("+") ? [.. configured.Where(u => u != "+"), .. client.RedirectUris ?? []] : configured;
    }

    /// <summary>The origins a browser may call the token, userinfo, revoke, introspect and logout endpoints from.</summary>
    public static IReadOnlySet<string> WebOrigins(RealmClient client)
    {
        var origins = new HashSet<string>(client.WebOrigins?.Where(o => o != "+") ?? [], StringComparer.Ordinal);
        if (client.WebOrigins?.Contains("+") == true)
        {
            foreach (var redirect in client.RedirectUris ?? [])
            {
                if ((redirect.StartsWith("http://", StringComparison.Ordinal) || redirect.StartsWith("https://", StringComparison.Ordinal))
                    && Uri.TryCreate(redirect, UriKind.Absolute, out var uri))
                {
                    origins.Add(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
                }
            }
        }
        return origins;
    }

    public static bool OriginAllowed(RealmClient client, string origin) =>
        WebOrigins(client) is var origins && (origins.Contains("*") || origins.Contains(origin));

    /// <summary>Keycloak's <c>RedirectUtils.verifyRedirectUri</c> for absolute registrations (relative ones are not used here).</summary>
    public static bool Allowed(IEnumerable<string> registered, string? requested)
    {
        // Longest registration first, as Keycloak orders them: the match decides the scheme check below.
        var valid = registered.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal).ToList();
        if (valid.Count == 0 || string.IsNullOrEmpty(requested) || !Uri.TryCreate(requested, UriKind.Absolute, out var parsed)) return false;
        if (Normalize(Decode(requested)) is not { } decoded || Normalize(requested) is not { } original) return false;

        var match = Match(valid, decoded, wildcards: true);
        if (match is null && (decoded.StartsWith(Localhost, StringComparison.Ordinal) || decoded.StartsWith(Loopback, StringComparison.Ordinal))
            && decoded.IndexOf(':', Localhost.Length) >= 0)
        {
            match = Match(valid, WithoutPort(decoded), wildcards: true);
        }
        // The still-encoded address may equal a registration exactly (never by wildcard).
        match ??= Match(valid, original, wildcards: false);
        if (match is null) return false;
        // Only http(s), unless the registration names the scheme itself (an app's private-use scheme).
        return match.StartsWith(parsed.Scheme + ":", StringComparison.Ordinal) || parsed.Scheme is "http" or "https";
    }

    private static string? Match(List<string> valid, string redirect, bool wildcards)
    {
        foreach (var registration in valid)
        {
            if (wildcards && registration.EndsWith('*') && !registration.Contains('?', StringComparison.Ordinal))
            {
                var path = redirect.Split('?', 2)[0];
                var prefix = registration[..^1];
                if (path.StartsWith(prefix, StringComparison.Ordinal)) return prefix;
                var withoutSlash = prefix.Length > 1 && prefix.EndsWith('/') ? prefix[..^1] : prefix;
                if (string.Equals(withoutSlash, path, StringComparison.Ordinal)) return withoutSlash;
            }
            else if (string.Equals(registration, redirect, StringComparison.Ordinal))
            {
                return registration;
            }
        }
        return null;
    }

    /// <summary><c>http://localhost:5100/cb</c> → <c>http://localhost/cb</c>, exactly as Keycloak cuts it.</summary>
    private static string WithoutPort(string redirect)
    {
        var colon = redirect.IndexOf(':', Localhost.Length);
        var slash = redirect.IndexOf('/', colon);
        return redirect[..colon] + (slash >= 0 ? redirect[slash..] : "");
    }

    /// <summary>Percent-decodes the part before query and fragment until stable (at most five times, like Keycloak).</summary>
    private static string? Decode(string uri)
    {
        var end = uri.IndexOfAny(['?', '#']);
        var (head, tail) = end < 0 ? (uri, "") : (uri[..end], uri[end..]);
        for (var i = 0; i < 5; i++)
        {
            var decoded = Uri.UnescapeDataString(head);
            if (decoded == head) return head + tail;
            head = decoded;
        }
        return null;
    }

    /// <summary>
    /// Lower-cases scheme and authority (Keycloak's <c>lowerCaseHostname</c>). Dot segments, which Keycloak would
    /// resolve first, are refused outright: no client needs them.
    /// </summary>
    private static string? Normalize(string? uri)
    {
        if (uri is null) return null;
        var path = uri.Split(['?', '#'], 2)[0];
        if (path.Contains("/./", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal)
            || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal)) return null;
        var slash = uri.Length > 7 ? uri.IndexOf('/', 7) : -1;
        return slash < 0 ? uri.ToLowerInvariant() : uri[..slash].ToLowerInvariant() + uri[slash..];
    }
}
