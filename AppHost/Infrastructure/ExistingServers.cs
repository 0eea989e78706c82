using Npgsql;

namespace Platform.AppHost.Infrastructure;

/// <summary>Servers configuration names: each service's database on the given PostgreSQL server (the services create it).</summary>
internal static class ExistingServers
{
    public static IReadOnlyDictionary<string, Database> Databases(IDistributedApplicationBuilder builder, string server) =>
        PlatformInfrastructure.DatabaseNames.ToDictionary(name => name, name =>
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            builder.Configuration[$"ConnectionStrings:{name}"] = connection;
            return new Database(builder.AddConnectionString(name), null);
        });
}
