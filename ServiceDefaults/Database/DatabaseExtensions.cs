using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Outbox;

namespace Platform.ServiceDefaults.Database;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on PostgreSQL from <c>ConnectionStrings__{connectionName}</c>,
    /// applies its migrations at start-up under an advisory lock, adds a readiness check and the
    /// outbox relay. Call it before <c>AddPlatformBus</c> so tables exist before consumers start.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            // Without a connection string (design-time tooling) the provider is still chosen; the
            // migrator refuses to start the service and names the missing key.
            if (string.IsNullOrWhiteSpace(connectionString)) options.UseNpgsql();
            else options.UseNpgsql(connectionString);
            options.AddInterceptors(new OutboxSavedInterceptor(sp.GetRequiredService<OutboxSignal>()));
        });

        builder.Services.AddHostedService(sp => new DatabaseMigrator<TContext>(
            sp, connectionName, connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseMigrator<TContext>>>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        builder.Services.AddOutboxRelay<TContext>(builder.Configuration);
        return builder;
    }
}
