namespace Platform.AppHost.Infrastructure;

/// <summary>What a service is handed: its database's connection string, and what it waits for before it starts.</summary>
internal sealed record Database(IResourceBuilder<IResourceWithConnectionString> ConnectionString, IResourceBuilder<IResource>? Server);

/// <summary>
/// PostgreSQL and RabbitMQ as the services see them: one connection-string resource per service database and the
/// <c>messaging</c> connection string, with the server resources to wait for. Each comes from the existing server that
/// configuration names (<c>ConnectionStrings:postgres</c>, <c>ConnectionStrings:messaging</c>), else from containers or
/// local processes, as the mode says.
/// </summary>
internal sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, Database> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResource>? Broker)
{
    /// <summary>The five services' databases and the gateway's (<c>gatewaydb</c>: its replicas' sessions and data-protection key ring).</summary>
    public static readonly IReadOnlyList<string> DatabaseNames = ["intakedb", "monthlyscoringdb", "dxindexdb", "notificationsdb", "reportingdb", "gatewaydb"];

    public static async Task<PlatformInfrastructure> AddAsync(IDistributedApplicationBuilder builder, AppHostOptions options, bool containers)
    {
        var existingPostgres = AppHostOptions.ExistingPostgres(builder.Configuration);
        var existingMessaging = AppHostOptions.ExistingMessaging(builder.Configuration);
        var local = !containers && (existingPostgres is null || existingMessaging is null)
            ? await LocalProcesses.PrepareAsync(builder, options, postgres: existingPostgres is null, messaging: existingMessaging is null)
            : null;

        var databases = existingPostgres is not null ? ExistingServers.Databases(builder, existingPostgres)
            : containers ? Containers.AddPostgres(builder)
            : local!.AddPostgres();
        var (messaging, broker) = existingMessaging is not null ? (builder.AddConnectionString("messaging"), null)
            : containers ? Containers.AddRabbitMq(builder, options)
            : local!.AddRabbitMq();
        return new PlatformInfrastructure(databases, messaging, broker);
    }
}
