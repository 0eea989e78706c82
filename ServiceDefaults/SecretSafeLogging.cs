using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults;

/// <summary>
/// Caps the log categories that write secrets when turned up, whatever the configuration says (a rule for the exact
/// category added in code comes after the configuration's and wins; see tests/Security.Tests/Hygiene/SecretLogTests):
/// <list type="bullet">
/// <item><c>Microsoft.AspNetCore.Hosting.Diagnostics</c> at Warning: its "Request starting" lines (Information) carry
/// the whole query string — the authorization code of the OIDC callback (<c>/signin-oidc?code=…</c>), the ID token of a
/// sign-out (<c>id_token_hint=…</c>). Requests are still seen in traces and metrics, whose URL attributes carry no query.</item>
/// <item><c>Microsoft.AspNetCore.Authentication.OpenIdConnect</c> (the gateway's sign-in) at Debug: at Trace its
/// "MessageReceived" line writes the callback with the authorization code.</item>
/// <item><c>OpenIddict</c> (the development identity provider) at Debug: at Trace it writes every token it creates, whole.</item>
/// </list>
/// </summary>
public static class SecretSafeLogging
{
    public const string RequestLines = "Microsoft.AspNetCore.Hosting.Diagnostics";
    public const string OpenIdConnect = "Microsoft.AspNetCore.Authentication.OpenIdConnect";
    public const string OpenIddict = "OpenIddict";

    public static TBuilder AddSecretSafeLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddFilter(RequestLines, LogLevel.Warning);
        builder.Logging.AddFilter(OpenIdConnect, LogLevel.Debug);
        builder.Logging.AddFilter(OpenIddict, LogLevel.Debug);
        return builder;
    }
}
