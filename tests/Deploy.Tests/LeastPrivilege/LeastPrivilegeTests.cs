using System.Text;
using Npgsql;
using RabbitMQ.Client;
using Xunit;

namespace Platform.Deploy.Tests.LeastPrivilege;

/// <summary>
/// deploy/postgres and deploy/rabbitmq against a real PostgreSQL and a real RabbitMQ: each service's login reaches only
/// its own database, each service's broker user only its own queues and the exchanges it publishes and consumes, an
/// outside subscriber only reads; the five services start and pass events with nothing more.
/// </summary>
public sealed class LeastPrivilegeTests(LeastPrivilegeWorld world) : IClassFixture<LeastPrivilegeWorld>
{
    private const int AccessRefused = 403;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_database_script_succeeds_on_a_fresh_cluster_and_again_through_create_logins()
    {
        Assert.True(world.InitFirst.ExitCode == 0, world.InitFirst.ToString());
        Assert.True(world.InitAgain.ExitCode == 0, world.InitAgain.ToString());
    }

    [Fact]
    public async Task Each_login_connects_to_its_own_database_and_is_refused_by_every_other()
    {
        var others = LeastPrivilegeWorld.Logins.Select(l => l.Database).Concat(["postgres", "template1"]).ToList();
        foreach (var (login, own, _) in LeastPrivilegeWorld.Logins)
        {
            await using (var connection = new NpgsqlConnection(world.LoginConnectionString(login, own)))
            {
                await connection.OpenAsync(Ct);
            }
            foreach (var database in others.Where(d => d != own))
            {
                await using var connection = new NpgsqlConnection(world.LoginConnectionString(login, database));
                var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(Ct));
                Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{login} → {database}: {refused.Message}");
            }
        }
    }

    [Fact]
    public async Task No_login_may_create_a_role_or_a_database()
    {
        foreach (var (login, own, _) in LeastPrivilegeWorld.Logins)
        {
            await using var connection = new NpgsqlConnection(world.LoginConnectionString(login, own));
            await connection.OpenAsync(Ct);
            foreach (var statement in new[] { "CREATE ROLE intruder LOGIN PASSWORD 'x'", "CREATE DATABASE intruderdb" })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
                Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{login}: {statement}: {refused.Message}");
            }
            await using var attributes = new NpgsqlCommand(
                "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
            Assert.False((bool)(await attributes.ExecuteScalarAsync(Ct))!, login);
        }
    }

    [Fact]
    public async Task The_database_script_refuses_a_missing_password_and_changes_nothing()
    {
        var environment = world.DatabaseEnvironment();
        environment.Remove("GATEWAY_DB_PASSWORD");
        environment["REPORTING_DB_PASSWORD"] = "CHANGE-ME";
        environment["INTAKE_DB_PASSWORD"] = "a-new-password-never-applied";
        var result = await ScriptResult.RunAsync("sh", [RepositoryFiles.Path("deploy", "postgres", "create-logins.sh")], environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("GATEWAY_DB_PASSWORD", result.Output);
        Assert.Contains("REPORTING_DB_PASSWORD", result.Output);
        await using var connection = new NpgsqlConnection(world.LoginConnectionString("intake", "intakedb"));
        await connection.OpenAsync(Ct); // the old password still works
    }

    [Fact]
    public async Task The_five_services_become_healthy_with_their_own_login_and_broker_user()
    {
        foreach (var service in world.Running)
        {
            var health = await service.HealthAsync();
            Assert.True(health is { Status: 200 }, $"{service.Project}: /health {health?.Status} {health?.Body}\n{service.Output}");
        }
        Assert.Equal(LeastPrivilegeWorld.Services.Count, world.Running.Count);
    }

    [Fact]
    public async Task Intakes_first_events_reach_the_four_other_services_and_the_outside_subscriber()
    {
        // Each consumer records what it processed (reporting in its journal, the others in their inbox); read with the
        // service's own login.
        foreach (var service in LeastPrivilegeWorld.Services.Where(s => s.Project != "Intake"))
        {
            var table = service.Project == "Reporting" ? "journal" : "inbox_messages";
            await Eventually.WaitForAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(world.LoginConnectionString(service.Login, service.Database));
                await connection.OpenAsync(Ct);
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
                return (long)(await command.ExecuteScalarAsync(Ct))!;
            }, n => n > 0, TimeSpan.FromSeconds(90), $"{service.Project} to process one of intake's events");
        }

        await using var connection = await world.ConnectAsync(LeastPrivilegeWorld.Subscriber, LeastPrivilegeWorld.SubscriberPassword);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var message = await Eventually.WaitForAsync(() => channel.BasicGetAsync(LeastPrivilegeWorld.SubscriberQueue, autoAck: false, Ct),
            m => m is not null, TimeSpan.FromSeconds(90), "an OrganisationUnitRegistered in the subscriber's queue");
        Assert.Contains("OrganisationUnitRegistered", Encoding.UTF8.GetString(message!.Body.Span));
    }

    [Fact]
    public async Task Intakes_user_cannot_read_monthly_scorings_queue()
    {
        Func<Task<IConnection>> connection = () => world.ConnectAsServiceAsync("intake");
        await AssertRefusedAsync(connection, c => c.BasicGetAsync("monthly-scoring-submission-approved", autoAck: false, Ct));
        await AssertRefusedAsync(connection, c => c.QueueBindAsync("monthly-scoring-submission-approved", "Platform.Contracts:SubmissionApproved", "", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_services_user_cannot_publish_to_an_exchange_it_does_not_publish_to()
    {
        Func<Task<IConnection>> intake = () => world.ConnectAsServiceAsync("intake");
        await AssertRefusedAsync(intake, c => PublishAsync(c, "Platform.Contracts:ScoresPublished"));
        await AssertRefusedAsync(intake, c => PublishAsync(c, "reporting-scores-published"));
        await AssertRefusedAsync(intake, c => PublishAsync(c, ""));
        Func<Task<IConnection>> reporting = () => world.ConnectAsServiceAsync("reporting");
        await AssertRefusedAsync(reporting, c => PublishAsync(c, "Platform.Contracts:SubmissionApproved"));
    }

    [Fact]
    public async Task The_outside_subscriber_cannot_publish_anything()
    {
        Func<Task<IConnection>> connection = () => world.ConnectAsync(LeastPrivilegeWorld.Subscriber, LeastPrivilegeWorld.SubscriberPassword);
        await AssertRefusedAsync(connection, c => PublishAsync(c, "Platform.Contracts:OrganisationUnitRegistered"));
        await AssertRefusedAsync(connection, c => PublishAsync(c, "Platform.Contracts:IIntegrationEvent"));
        await AssertRefusedAsync(connection, c => PublishAsync(c, "monthly-scoring-submission-approved"));
        // Not even to its own queue through the default exchange.
        await AssertRefusedAsync(connection, c => PublishAsync(c, "", LeastPrivilegeWorld.SubscriberQueue));
    }

    [Fact]
    public async Task The_outside_subscriber_declares_and_binds_only_queues_named_after_it()
    {
        Func<Task<IConnection>> connection = () => world.ConnectAsync(LeastPrivilegeWorld.Subscriber, LeastPrivilegeWorld.SubscriberPassword);
        await using (var allowed = await connection())
        await using (var channel = await allowed.CreateChannelAsync(cancellationToken: Ct))
        {
            await channel.QueueDeclareAsync(LeastPrivilegeWorld.Subscriber + ".scores", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
            await channel.QueueBindAsync(LeastPrivilegeWorld.Subscriber + ".scores", "Platform.Contracts:ScoresPublished", "", cancellationToken: Ct);
        }
        await AssertRefusedAsync(connection, c => c.QueueDeclareAsync("another-system.scores", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct));
        await AssertRefusedAsync(connection, c => c.QueueDeclareAsync("reporting-scores-published", durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct));
        await AssertRefusedAsync(connection, c => c.BasicGetAsync("reporting-scores-published", autoAck: false, Ct));
        await AssertRefusedAsync(connection, c => c.QueueBindAsync("reporting-scores-published", "Platform.Contracts:ScoresPublished", "", cancellationToken: Ct));
        await AssertRefusedAsync(connection, c => c.ExchangeDeclareAsync("Platform.Contracts:ScoresPublished", ExchangeType.Fanout, durable: true, cancellationToken: Ct));
        // A service's endpoint exchange is not a contract exchange: nothing to read there.
        await AssertRefusedAsync(connection, c => c.QueueBindAsync(LeastPrivilegeWorld.SubscriberQueue, "monthly-scoring-submission-approved", "", cancellationToken: Ct));
    }

    [Fact]
    public async Task Applying_the_users_again_while_the_services_run_succeeds_and_keeps_them_connected()
    {
        Assert.True(world.ApplyFirst.ExitCode == 0, world.ApplyFirst.ToString());
        Assert.True(world.ApplyAgain.ExitCode == 0, world.ApplyAgain.ToString());
        Assert.True(world.AddSubscriber.ExitCode == 0, world.AddSubscriber.ToString());

        var third = await world.ApplyUsersAsync();

        Assert.True(third.ExitCode == 0, third.ToString());
        await using var connection = await world.ConnectAsServiceAsync("monthly-scoring");
        foreach (var service in world.Running)
        {
            var health = await service.HealthAsync();
            Assert.True(health is { Status: 200 }, $"{service.Project}: /health {health?.Status} {health?.Body}");
        }
    }

    [Fact]
    public async Task Applying_the_users_with_an_empty_password_stops_before_any_change()
    {
        var result = await world.ApplyUsersAsync(new Dictionary<string, string?>
        {
            ["DX_INDEX_AMQP_PASSWORD"] = "",
            ["INTAKE_AMQP_PASSWORD"] = "never-applied",
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("DX_INDEX_AMQP_PASSWORD", result.Output);
        await using var connection = await world.ConnectAsServiceAsync("intake"); // the old password still works
    }

    [Fact]
    public async Task A_subscriber_added_then_removed_can_no_longer_connect_and_a_service_name_is_refused()
    {
        var script = RepositoryFiles.Path("deploy", "rabbitmq", "add-subscriber.sh");
        var added = await ScriptResult.RunAsync("sh", [script, "cong-thong-tin"], world.BrokerAdminEnvironment());
        Assert.True(added.ExitCode == 0, added.ToString());
        var password = added.Output.Split("(shown once): ")[1].Trim();
        await using (await world.ConnectAsync("cong-thong-tin", password)) { }

        var removed = await ScriptResult.RunAsync("sh", [script, "--remove", "cong-thong-tin"], world.BrokerAdminEnvironment());

        Assert.True(removed.ExitCode == 0, removed.ToString());
        await Assert.ThrowsAnyAsync<Exception>(() => world.ConnectAsync("cong-thong-tin", password));
        var service = await ScriptResult.RunAsync("sh", [script, "reporting"], world.BrokerAdminEnvironment());
        Assert.Equal(2, service.ExitCode);
    }

    private static async Task PublishAsync(IChannel channel, string exchange, string routingKey = "")
    {
        await channel.BasicPublishAsync(exchange, routingKey, Encoding.UTF8.GetBytes("{}"), Ct);
        // A refused publish closes the channel asynchronously; the next round trip on the channel sees the close.
        await channel.ExchangeDeclarePassiveAsync("amq.fanout", Ct);
    }

    /// <summary>
    /// The operation fails and the broker closes the channel with 403 ACCESS_REFUSED. Each try has a connection of its own:
    /// a channel opened on a connection right after the broker closed another one can meet the broker's 504 CHANNEL_ERROR
    /// (seen once in a full run), which would end the connection and hide the next refusal.
    /// </summary>
    private static async Task AssertRefusedAsync(Func<Task<IConnection>> connect, Func<IChannel, Task> operation)
    {
        await using var connection = await connect();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var failure = await Record.ExceptionAsync(() => operation(channel));
        Assert.True(failure is not null, "the broker allowed it");
        Assert.True(channel.CloseReason?.ReplyCode == AccessRefused, $"expected 403 ACCESS_REFUSED, got {channel.CloseReason?.ReplyCode} {channel.CloseReason?.ReplyText}: {failure.Message}");
    }
}
