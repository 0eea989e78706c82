using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Security;

/// <summary>One warning at start when no <c>Keycloak</c> section is set: every protected endpoint then answers 401.</summary>
internal sealed partial class KeycloakConfigurationWarning(IOptions<KeycloakOptions> options, ILogger<KeycloakConfigurationWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured) LogNotConfigured(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keycloak is not configured: every endpoint that needs sign-in answers 401. Set Keycloak:AuthServerUrl, Keycloak:Realm and Keycloak:Resource.")]
    private static partial void LogNotConfigured(ILogger logger);
}
