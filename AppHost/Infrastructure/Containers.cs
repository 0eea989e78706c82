namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Where a container runtime answers: Aspire's PostgreSQL (one database resource per service) and RabbitMQ containers,
/// with their data in named volumes, and Keycloak's own image in place of the development identity provider.
/// </summary>
internal static class Containers
{
    /// <summary>Keycloak's image; the realm file the development identity provider reads is imported at start.</summary>
    public const string KeycloakImage = "quay.io/keycloak/keycloak";
    public const string KeycloakTag = "26.4";

    public static IReadOnlyDictionary<string, Database> AddPostgres(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("platform-postgres-data");
        return PlatformInfrastructure.DatabaseNames.ToDictionary(name => name, name =>
        {
            var database = postgres.AddDatabase(name);
            return new Database(database, database);
        });
    }

    public static (IResourceBuilder<IResourceWithConnectionString> Messaging, IResourceBuilder<IResource>? Broker) AddRabbitMq(
        IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        var rabbit = builder.AddRabbitMQ("messaging").WithDataVolume("platform-rabbitmq-data");
        if (!options.Smoke) rabbit.WithManagementPlugin();
        return (rabbit, rabbit);
    }

    /// <summary>
    /// Keycloak in development mode with the platform realm imported, on the port the development identity provider
    /// uses (8180), its public URL pinned (KC_HOSTNAME) so every token names the same issuer.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddKeycloak(IDistributedApplicationBuilder builder, string realmFile)
    {
        // Development: a random admin password for the run (user secrets or Parameters:keycloak-admin-password override it);
        // the manifest names the parameter, whoever deploys it supplies the value.
        if (!builder.ExecutionContext.IsPublishMode)
            builder.Configuration["Parameters:keycloak-admin-password"] ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var admin = builder.AddParameter("keycloak-admin-password", secret: true);
        return builder.AddContainer("identity", KeycloakImage, KeycloakTag)
            .WithArgs("start-dev", "--import-realm")
            .WithBindMount(realmFile, "/opt/keycloak/data/import/platform-realm.json", isReadOnly: true)
            .WithHttpEndpoint(port: 8180, targetPort: 8080, name: "http")
            .WithHttpEndpoint(targetPort: 9000, name: "management")
            .WithEnvironment("KC_HOSTNAME", "http://localhost:8180")
            .WithEnvironment("KC_HEALTH_ENABLED", "true")
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_PASSWORD", admin)
            .WithHttpHealthCheck("/health/ready", endpointName: "management");
    }
}
