using Platform.IdentityProvider;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (builder.Environment.IsProduction())
{
    // Published demo passwords and throw-away keys: this stand-in must never serve real users.
    await Console.Error.WriteLineAsync($"{builder.Environment.ApplicationName} refuses to start in Production: it is a development stand-in for Keycloak; use Keycloak with deploy/keycloak/platform-realm.json.");
    return 1;
}

builder.ConfigureOpenTelemetry();
builder.AddSecretSafeLogging();
builder.Services.AddHealthChecks();
builder.AddIdentityProvider();

var app = builder.Build();
app.MapIdentityProvider();
app.MapHealthChecks("/health");
app.MapHealthChecks("/alive");

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the identity provider in-process.</summary>
public partial class Program;
