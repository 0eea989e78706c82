using Platform.AppHost;
using Platform.AppHost.Infrastructure;
using Platform.LocalInfrastructure;

// The .NET Aspire AppHost of the platform (ADR 0004):
//   AppHostOptions.cs        AppHost's own options (--smoke, --fresh, --data-dir, --infrastructure), the rest is Aspire's
//   Infrastructure/          PostgreSQL and RabbitMQ: existing servers, containers, or local Debian processes
//   PlatformModel.cs         identity provider, the five services, web application, gateway
//   Supervisor.cs            restarts a crashed project with back-off (Aspire does not)
//   StartupReport.cs         waits until everything is healthy; prints the addresses, --smoke's verdict, memory
// Exit codes: 0 done, 1 failed (the message names the cause and the fix), 2 bad command line.

AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args);
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}{Environment.NewLine}{AppHostOptions.Usage}");
    return 2;
}
if (options.Help)
{
    Console.WriteLine(AppHostOptions.Usage);
    return 0;
}

try
{
    var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        Args = options.AspireArgs,
        DisableDashboard = options.Smoke,
        DashboardApplicationName = "Platform",
    });
    var containers = await ContainerRuntime.ChooseContainersAsync(builder, options);
    var infrastructure = await PlatformInfrastructure.AddAsync(builder, options, containers);
    PlatformModel.Add(builder, infrastructure, options, containers);
    builder.Services.AddSingleton(options);
    // Ahead of Aspire's own hosted services, whose start waits until every resource is created (WaitFor included):
    // what reports on the start must already run then.
    builder.Services.AddSingleton<ResourceLogs>();
    builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<ResourceLogs>()));
    builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupReport>());
    builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, Supervisor>());

    await builder.Build().RunAsync();
    return Environment.ExitCode;
}
catch (Exception ex) when (ex is InfrastructureException or UsageException)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return ex is UsageException ? 2 : 1;
}

/// <summary>AppHost's entry point, public for Aspire's test harness (<c>DistributedApplicationTestingBuilder</c>).</summary>
public partial class Program;
