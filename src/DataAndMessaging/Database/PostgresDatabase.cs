using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.DataAndMessaging.Database;

public static class PostgresDatabase
{
    /// <summary>Creates the database named in the connection string if it does not exist; safe when replicas race.</summary>
    /// <remarks>
    /// It first connects to the database itself: a deployed service's login owns its database and may not connect to
    /// <c>postgres</c> (deploy/postgres/init-databases.sql revokes that), so <c>postgres</c> is used only when the
    /// database is missing — in development, where the login may create it.
    /// </remarks>
    public static async Task EnsureExistsAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            await using var own = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
            await own.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: create it below.
        }
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            var quoted = "\"" + target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it a moment ago.
        }
    }

    /// <summary>A stable 64-bit advisory-lock key for a name.</summary>
    public static long AdvisoryKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
