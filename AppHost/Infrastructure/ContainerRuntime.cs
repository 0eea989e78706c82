using Platform.LocalInfrastructure;

namespace Platform.AppHost.Infrastructure;

/// <summary>Containers or local processes: as forced (<c>--infrastructure</c>, <c>Infrastructure:Mode</c>), else whether a container runtime answers.</summary>
internal static class ContainerRuntime
{
    public static async Task<bool> ChooseContainersAsync(IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        var mode = options.Mode != InfrastructureMode.Auto ? options.Mode
            : AppHostOptions.ModeOf(builder.Configuration["Infrastructure:Mode"] ?? "auto", "Infrastructure:Mode");
        var containers = mode switch
        {
            InfrastructureMode.Containers => true,
            InfrastructureMode.Processes => false,
            // A manifest is written without asking any runtime: auto means local processes there.
            _ => !builder.ExecutionContext.IsPublishMode && await AnswersAsync(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker"),
        };
        if (!builder.ExecutionContext.IsPublishMode)
            Console.WriteLine(containers ? "infrastructure: containers (PostgreSQL, RabbitMQ, Keycloak images)" : "infrastructure: local processes (Debian PostgreSQL and RabbitMQ, development identity provider)");
        return containers;
    }

    /// <summary>Whether the runtime's server answers (<c>docker info</c>), not merely whether its client is installed.</summary>
    private static async Task<bool> AnswersAsync(string runtime)
    {
        try
        {
            var result = await Shell.RunAsync(runtime, ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(10));
            return result.ExitCode == 0 && !string.IsNullOrWhiteSpace(result.Output);
        }
        catch (Exception ex) when (ex is InfrastructureException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
