namespace Platform.Deploy.Tests.Backup;

/// <summary>
/// The compose and Kubernetes modes without a container engine: stand-ins for <c>docker</c> and <c>kubectl</c> on the
/// PATH record their arguments and run the PostgreSQL tool they were asked to run in the container (here: on the host,
/// against the test's clusters), so the scripts' own commands are exercised end to end.
/// </summary>
public sealed class ModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_through_docker_compose_exec_restores_through_kubectl_exec()
    {
        await using var clusters = new Clusters();
        var a = await clusters.StartInitialisedAsync("a");
        await clusters.ScalarAsync<int>(a, "reportingdb", "SET ROLE reporting; CREATE TABLE publications (id int PRIMARY KEY, title text); INSERT INTO publications VALUES (1, 'Tháng 01/2026'); SELECT 1");
        var bin = Directory.CreateDirectory(Path.Combine(clusters.Root, "bin")).FullName;
        var log = Path.Combine(clusters.Root, "commands.log");
        // docker compose [-f FILE] exec -T SERVICE TOOL ARGS… → TOOL ARGS…; kubectl … exec -i TARGET -- TOOL ARGS… → TOOL ARGS…
        await Stub(bin, "docker", log, """
            while [ "$1" != exec ]; do shift; done; shift; [ "$1" = -T ] && shift; shift
            """);
        // kubectl … get pods --selector … -o name answers with CloudNativePG's primary.
        await Stub(bin, "kubectl", log, """
            case " $* " in *" get pods "*) echo pod/platform-db-1; exit 0 ;; esac
            while [ "$1" != -- ]; do shift; done; shift
            """);
        var compose = RepositoryFiles.Path("deploy", "compose.yaml");

        var backup = await clusters.RunWithPathAsync(a, bin, "backup.sh", "--compose", "--compose-file", compose, "--output", Path.Combine(clusters.Root, "backups"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var b = await clusters.StartAsync("b");
        var restore = await clusters.RunWithPathAsync(b, bin, "restore.sh", "--kubernetes", "--namespace", "platform", backup.Output);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        Assert.Equal("Tháng 01/2026", await clusters.ScalarAsync<string>(b, "reportingdb", "SELECT title FROM publications"));
        var commands = await File.ReadAllLinesAsync(log, Ct);
        Assert.Contains($"docker compose -f {compose} exec -T postgres pg_dump -Fc -U postgres -d reportingdb", commands);
        Assert.Contains($"docker compose -f {compose} exec -T postgres pg_dumpall --globals-only --no-tablespaces -U postgres", commands);
        Assert.Contains("kubectl --namespace platform get pods --selector cnpg.io/instanceRole=primary --field-selector status.phase=Running -o name", commands);
        Assert.Contains("kubectl --namespace platform exec -i pod/platform-db-1 -- pg_restore -U postgres -d reportingdb --no-owner --role=reporting --single-transaction --exit-on-error", commands);
        Assert.DoesNotContain(commands, c => c.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task Stub(string bin, string name, string log, string shift)
    {
        var path = Path.Combine(bin, name);
        await File.WriteAllTextAsync(path, $"#!/bin/bash\necho \"{name} $*\" >> '{log}'\n{shift}\nexec \"$@\"\n", Ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
