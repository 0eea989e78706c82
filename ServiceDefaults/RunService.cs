using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults;

public static class RunService
{
    /// <summary>
    /// Runs the service. A failure before the service has started (unreachable database, refused
    /// migration, missing configuration) ends with one clear line on standard error and exit code 1,
    /// instead of a stack trace; AppHost shows that line to the operator.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var name = app.Environment.ApplicationName;
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{name} could not start: {Describe(ex)}");
            return 1;
        }
    }

    public static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 }) continue;
            if (!messages.Contains(e.Message)) messages.Add(e.Message);
        }
        return string.Join(" — ", messages);
    }
}
