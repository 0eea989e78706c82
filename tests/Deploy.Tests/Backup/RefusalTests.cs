namespace Platform.Deploy.Tests.Backup;

/// <summary>What backup.sh and restore.sh refuse to do, each with a message that says why and a non-zero exit.</summary>
public sealed class RefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restore_refuses_a_dump_changed_after_the_backup_and_creates_nothing_in_the_target()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        await clusters.ScalarAsync<int>(a, "intakedb", "CREATE TABLE submissions (id int PRIMARY KEY, unit text); INSERT INTO submissions VALUES (1, 'lao-cai'); SELECT 1");
        var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var dump = Path.Combine(backup.Output, "intakedb.dump");
        var bytes = await File.ReadAllBytesAsync(dump, Ct);
        bytes[^8] ^= 0x01;
        await File.WriteAllBytesAsync(dump, bytes, Ct);
        var b = await clusters.StartAsync("b");

        var restore = await clusters.RestoreAsync(b, backup.Output);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("checksum mismatch", restore.Errors, StringComparison.Ordinal);
        Assert.Contains("nothing was restored", restore.Errors, StringComparison.Ordinal);
        Assert.Empty(await clusters.DatabasesAsync(b));
    }

    [Fact]
    public async Task Restore_refuses_a_target_that_holds_data_and_replaces_it_only_when_forced()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        await clusters.ScalarAsync<int>(a, "intakedb", "CREATE TABLE submissions (id int PRIMARY KEY, unit text); INSERT INTO submissions VALUES (1, 'Tỉnh Lào Cai'); SELECT 1");
        var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        // The target as compose's first start leaves it (logins and empty databases) is a fresh cluster: accepted.
        var b = await clusters.StartInitialisedAsync("b");
        var first = await clusters.RestoreAsync(b, backup.Output);
        Assert.True(first.ExitCode == 0, first.ToString());
        await clusters.ScalarAsync<int>(b, "intakedb", "UPDATE submissions SET unit = 'changed after the restore'; SELECT 1");

        var again = await clusters.RestoreAsync(b, backup.Output);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("the target is not empty: intakedb", again.Errors, StringComparison.Ordinal);
        Assert.Equal("changed after the restore", await clusters.ScalarAsync<string>(b, "intakedb", "SELECT unit FROM submissions"));

        var forced = await clusters.RestoreAsync(b, "--force", backup.Output);

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("Tỉnh Lào Cai", await clusters.ScalarAsync<string>(b, "intakedb", "SELECT unit FROM submissions"));
        Assert.Equal("intake", await clusters.ScalarAsync<string>(b, "intakedb", "SELECT tableowner::text FROM pg_tables WHERE tablename = 'submissions'"));
    }

    [Fact]
    public async Task Restore_refuses_another_tenants_backup()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"), "--tenant", "lao-cai");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var b = await clusters.StartAsync("b");

        var restore = await clusters.RestoreAsync(b, "--tenant", "national", backup.Output);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("this backup is of tenant 'lao-cai', not 'national'", restore.Errors, StringComparison.Ordinal);
        Assert.Empty(await clusters.DatabasesAsync(b));
    }

    [Fact]
    public async Task Backup_never_overwrites_an_earlier_backup_and_stops_when_a_platform_database_is_missing()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        var output = Path.Combine(clusters.Root, "backups");
        var first = await clusters.BackupAsync(a, "--output", output, "--name", "nightly");
        Assert.True(first.ExitCode == 0, first.ToString());
        var manifest = await File.ReadAllTextAsync(Path.Combine(first.Output, "manifest.txt"), Ct);

        var second = await clusters.BackupAsync(a, "--output", output, "--name", "nightly");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists: a backup is never overwritten", second.Errors, StringComparison.Ordinal);
        Assert.Equal(manifest, await File.ReadAllTextAsync(Path.Combine(first.Output, "manifest.txt"), Ct));

        await clusters.ScalarAsync<int>(a, "postgres", "DROP DATABASE dxindexdb");
        var missing = await clusters.BackupAsync(a, "--output", output);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("database dxindexdb is missing", missing.Errors, StringComparison.Ordinal);
        Assert.Equal(["nightly"], Directory.GetDirectories(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_manifest_records_each_database_with_its_owner_size_checksum_and_the_time_in_utc_and_in_vietnam()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");

        var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"), "--tenant", "lao-cai");

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.StartsWith("platform-lao-cai-", Path.GetFileName(backup.Output), StringComparison.Ordinal);
        var manifest = (await File.ReadAllLinesAsync(Path.Combine(backup.Output, "manifest.txt"), Ct)).ToList();
        Assert.Contains("tenant: lao-cai", manifest);
        Assert.Contains(manifest, l => l.StartsWith("server_version: 15.", StringComparison.Ordinal));
        var started = DateTimeOffset.Parse(manifest.Single(l => l.StartsWith("started_utc: ", StringComparison.Ordinal))[13..], System.Globalization.CultureInfo.InvariantCulture);
        var vietnam = manifest.Single(l => l.StartsWith("started_vietnam: ", StringComparison.Ordinal))[17..];
        Assert.Equal(started.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " +07:00", vietnam);
        var databases = manifest.Where(l => l.StartsWith("database: ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        // gatewaydb too once init-databases.sql creates it (optional until then).
        Assert.Equal(["reportingdb", "notificationsdb", "dxindexdb", "monthlyscoringdb", "intakedb", "keycloakdb"], databases.Select(d => d[1]).Where(d => d != "gatewaydb"));
        Assert.Contains("owner=monthly_scoring", databases[3]);
        foreach (var line in databases)
        {
            var file = Path.Combine(backup.Output, line.Single(f => f.StartsWith("file=", StringComparison.Ordinal))[5..]);
            Assert.Equal($"bytes={new FileInfo(file).Length}", line.Single(f => f.StartsWith("bytes=", StringComparison.Ordinal)));
            Assert.Equal($"sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file, Ct)))}",
                line.Single(f => f.StartsWith("sha256=", StringComparison.Ordinal)));
        }
        Assert.Contains("CREATE ROLE monthly_scoring;", await File.ReadAllTextAsync(Path.Combine(backup.Output, "globals.sql"), Ct));
    }
    [Fact]
    public async Task Replaying_the_outbox_marks_unpublished_only_the_events_published_since_an_hour_before_the_first_snapshot()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        // The outbox's columns as the services' migrations create them (ADR 0001), owned by the service's login.
        await clusters.ScalarAsync<int>(a, "intakedb", """
            SET ROLE intake;
            CREATE TABLE outbox_messages (id uuid PRIMARY KEY, next_attempt_at timestamptz NOT NULL, published_at timestamptz, attempts int NOT NULL);
            INSERT INTO outbox_messages VALUES
                ('00000000-0000-0000-0000-000000000001', now() - interval '3 days', now() - interval '3 days', 1),
                ('00000000-0000-0000-0000-000000000002', now() - interval '10 minutes', now() - interval '10 minutes', 1),
                ('00000000-0000-0000-0000-000000000003', now(), NULL, 4);
            SELECT 1
            """);
        var backup = await clusters.BackupAsync(a, "--output", Path.Combine(clusters.Root, "backups"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var b = await clusters.StartAsync("b");

        var restore = await clusters.RestoreAsync(b, "--replay-outbox", backup.Output);

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("intakedb: 1 outbox message(s) published since", restore.Errors, StringComparison.Ordinal);
        Assert.Equal("1:published 2:pending 3:pending", await clusters.ScalarAsync<string>(b, "intakedb",
            "SELECT string_agg(right(id::text, 1) || ':' || CASE WHEN published_at IS NULL THEN 'pending' ELSE 'published' END, ' ' ORDER BY id) FROM outbox_messages"));
        Assert.Equal("intake", await clusters.ScalarAsync<string>(b, "intakedb", "SELECT tableowner::text FROM pg_tables WHERE tablename = 'outbox_messages'"));
    }
}
