using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.DataAndMessaging.Database;

/// <summary>
/// Creates the database if it is missing and applies pending migrations before the service starts
/// serving. A PostgreSQL advisory lock serialises replicas that start together, so only one of them
/// migrates and the others find nothing left to do.
/// </summary>
public sealed partial class DatabaseMigrator<TContext>(
    IServiceProvider services,
    string connectionName,
    string? connectionString,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{connectionName}' is missing. " +
                $"Fix: set the environment variable ConnectionStrings__{connectionName} (AppHost sets it for you).");
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{connectionName}' is not a valid PostgreSQL connection string ({ex.Message}). " +
                "Fix: use the form Host=...;Port=...;Database=...;Username=...;Password=...", ex);
        }

        var where = $"database '{target.Database}' on {target.Host}:{target.Port}";
        try
        {
            await PostgresDatabase.EnsureExistsAsync(target, cancellationToken);
            await using var lockConnection = new NpgsqlConnection(target.ConnectionString);
            await lockConnection.OpenAsync(cancellationToken);
            var key = PostgresDatabase.AdvisoryKey("migrations:" + typeof(TContext).FullName);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
            {
                take.Parameters.AddWithValue("key", key);
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            // On a brand-new database EF would first query the missing history table and log that as
            // an error; creating the table up front keeps the operator's log free of false alarms.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
            var known = db.Database.GetMigrations().ToList();
            if (applied.Count > 0 && applied.All(m => !known.Contains(m)))
            {
                // Migrations were squashed into one baseline before any production database existed (issue 14): a database
                // made by an earlier build holds none of today's migrations and cannot be brought forward in place.
                throw new InvalidOperationException(
                    $"The schema of {where} was made by an earlier build whose migrations ({string.Join(", ", applied.Order().Take(3))}, …) " +
                    "are no longer part of the service (they were squashed into one baseline). Fix: development data — start AppHost " +
                    "with --fresh, or drop the database; it is created again at the next start.");
            }
            var pending = known.Where(m => !applied.Contains(m)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count, where, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
            LogReady(logger, where);
            // The lock is released when lockConnection closes.
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(Explain(ex, where, connectionName), ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Explain(NpgsqlException ex, string where, string connectionName) => ex switch
    {
        PostgresException { SqlState: "28P01" or "28000" } =>
            $"PostgreSQL refused the credentials for {where}. Fix: correct the user name or password in ConnectionStrings__{connectionName}.",
        PostgresException { SqlState: "42501" } pg =>
            $"The database user may not change {where}: {pg.MessageText}. Fix: grant the user CREATE on the database (or run the migration as its owner).",
        PostgresException pg =>
            $"Migrating {where} failed: {pg.SqlState} {pg.MessageText}. Fix: repair the database or restore it from a backup; the service will not start on a half-migrated schema.",
        _ =>
            $"Cannot reach {where}: {ex.Message}. Fix: start PostgreSQL or correct ConnectionStrings__{connectionName}.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to {Where}: {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string where, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema of {Where} is up to date")]
    private static partial void LogReady(ILogger logger, string where);
}
