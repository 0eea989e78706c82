using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Intake;
using Platform.Intake.Data;
using Platform.TestSupport;

namespace Platform.DataAndMessaging.Tests;

/// <summary>Start-up migrations, exercised through a real service (Intake) hosted in-process.</summary>
public sealed class MigrationTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Two_replicas_migrating_the_same_new_database_at_once_both_start()
    {
        var replicas = await ServiceHost.StartReplicasAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, "replicas", count: 2);
        await using var first = replicas[0];
        await using var second = replicas[1];

        foreach (var client in replicas.Select(r => r.Client()))
        {
            // Both are running; readiness also waits for the broker connection, which takes a moment.
            var health = await Eventually.WaitForAsync(
                () => client.GetAsync("/health", TestContext.Current.CancellationToken),
                r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "a ready replica");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        await using var db = first.Db();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_database_that_refuses_the_migration_stops_the_service_with_one_clear_line()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("refuses");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            // A table of the same name that someone created by hand: the migration cannot create it.
            await using var command = new NpgsqlCommand("CREATE TABLE outbox_messages (x int)", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var outcome = await ServiceProcess.RunUntilExitAsync("Intake", await EnvironmentAsync(connectionString), TimeSpan.FromSeconds(60));

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Intake could not start: Migrating database", line, StringComparison.Ordinal);
        Assert.Contains("42P07", line, StringComparison.Ordinal);
        Assert.Contains("Fix:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_made_before_the_migrations_were_squashed_stops_the_service_with_the_fix()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("squashed");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            // What an earlier build left: its own first migration, which today's service no longer has.
            await using var command = new NpgsqlCommand("""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY, "ProductVersion" character varying(32) NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261123125727_InitialOutboxInbox', '10.0.0');
                """, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var outcome = await ServiceProcess.RunUntilExitAsync("Intake", await EnvironmentAsync(connectionString), TimeSpan.FromSeconds(60));

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("20261123125727_InitialOutboxInbox", line, StringComparison.Ordinal);
        Assert.Contains("--fresh", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_service_naming_the_variable_to_set()
    {
        var environment = new Dictionary<string, string>(await EnvironmentAsync("unused"));
        environment.Remove("ConnectionStrings__intakedb");

        var outcome = await ServiceProcess.RunUntilExitAsync("Intake", environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("ConnectionStrings__intakedb", outcome.StandardError, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(string database) => new Dictionary<string, string>
    {
        ["ConnectionStrings__intakedb"] = database,
        ["ConnectionStrings__messaging"] = await infrastructure.CreateVirtualHostAsync("intake"),
    };
}
