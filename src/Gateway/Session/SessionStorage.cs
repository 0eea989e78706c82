using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.DataProtection;
using Platform.Gateway.Data;

namespace Platform.Gateway.Session;

/// <summary>
/// Where the sessions and the data-protection key ring live. With <c>ConnectionStrings:gatewaydb</c>: in that database,
/// shared by every replica (migrated at start under an advisory lock, expired sessions swept). Without it (unit tests,
/// the GatewayOverhead bench): in this process's memory — one replica only, and a restart signs everybody out; said at start.
/// </summary>
internal static partial class SessionStorage
{
    /// <summary>The application name every replica protects its cookies and sessions under.</summary>
    public const string ApplicationName = "platform-gateway";

    public static IHostApplicationBuilder AddSessionStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionStoreOptions>()
            .Bind(builder.Configuration.GetSection(SessionStoreOptions.Section))
            .Validate(o => o.ReplicaCache >= TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && o.ReplicaCacheCapacity > 0,
                $"{SessionStoreOptions.Section}: ReplicaCache must not be negative, SweepInterval and ReplicaCacheCapacity must be positive.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteLifetime >= o.IdleTimeout,
                $"{SessionStoreOptions.Section}: IdleTimeout must be positive and AbsoluteLifetime at least IdleTimeout.")
            .ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString(GatewayDbContext.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddDistributedMemoryCache();
            builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
            // A replica's own copy would only duplicate the in-memory cache.
            builder.Services.PostConfigure<SessionStoreOptions>(o => o.ReplicaCache = TimeSpan.Zero);
            builder.Services.AddHostedService<InMemoryNotice>();
            return builder;
        }

        builder.AddMigratedDatabase<GatewayDbContext>(GatewayDbContext.ConnectionName);
        builder.Services.AddDatabaseKeyRing<GatewayDbContext>(ApplicationName, GatewayDbContext.ConnectionName);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(DatabaseExtensions.WithPreparedStatements(connectionString)!));
        builder.Services.AddSingleton<PostgresSessionCache>();
        builder.Services.AddSingleton<IDistributedCache>(sp => sp.GetRequiredService<PostgresSessionCache>());
        builder.Services.AddHostedService<SessionSweeper>();
        return builder;
    }

    private sealed partial class InMemoryNotice(ILogger<InMemoryNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogInMemory(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "No ConnectionStrings:gatewaydb: sessions and data-protection keys are kept in this process's memory. " +
            "One replica only: run a single gateway, and a restart signs everybody out. Set ConnectionStrings__gatewaydb to share them between replicas.")]
        private static partial void LogInMemory(ILogger logger);
    }
}
