using System.Globalization;
using System.Text;
using Platform.AppHost;
using Platform.LocalInfrastructure;

// AppHost: runs the whole platform on this machine, shaped like an Aspire AppHost so a real one can replace it.
//   AppHostOptions.cs   command line and configuration, checked before anything starts
//   Resources.cs        the application model: postgres, messaging, five services, gateway
//   Infrastructure.cs   PostgreSQL and RabbitMQ: configured servers, or local ones (LocalInfrastructure)
//   Orchestrator.cs     start order, --smoke, supervision, stopping everything in reverse order
//   ServiceProcess.cs   one service as a child process: prefixed output, /health, restarts, stop
//   StatusTable.cs      the status table;  Output.cs  prefixed console lines
//   Shutdown.cs         Ctrl+C / SIGINT / SIGTERM
// Exit codes: 0 done, 1 failed (one message: cause and fix), 2 bad command line, 130 interrupted during start-up.

Console.OutputEncoding = Encoding.UTF8;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var shutdown = new Shutdown();
try
{
    var options = AppHostOptions.Load(args);
    if (options.Help)
    {
        Console.WriteLine(AppHostOptions.Usage);
        return 0;
    }
    await using var orchestrator = new Orchestrator(options, shutdown);
    return await orchestrator.RunAsync();
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}{Environment.NewLine}{AppHostOptions.Usage}");
    return 2;
}
catch (Exception ex) when (ex is InfrastructureException or ResourceFailedException)
{
    // Printed after everything was stopped, so it is the last thing on the screen.
    Output.Error(ex.Message);
    return 1;
}
catch (Exception ex)
{
    Output.Error($"unexpected failure: {ex}");
    return 1;
}
