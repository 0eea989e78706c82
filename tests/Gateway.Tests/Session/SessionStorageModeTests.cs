using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.TestSupport;

namespace Platform.Gateway.Tests.Session;

public sealed class SessionStorageModeTests
{
    [Fact]
    public async Task Without_gatewaydb_the_gateway_says_at_start_that_sessions_live_in_its_memory_and_with_it_says_nothing_of_the_kind()
    {
        var alone = await StartAndReadLogAsync(new Dictionary<string, string>());
        var shared = await StartAndReadLogAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:gatewaydb"] = await SessionDatabase.NewConnectionStringAsync("gatewaymode"),
        });

        Assert.Contains(alone, m => m.Level == LogLevel.Warning && m.Text.Contains("No ConnectionStrings:gatewaydb", StringComparison.Ordinal)
            && m.Text.Contains("one replica only", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(shared, m => m.Text.Contains("No ConnectionStrings:gatewaydb", StringComparison.Ordinal));
        Assert.Contains(shared, m => m.Text.Contains("Data protection key ring of platform-gateway is in the database", StringComparison.Ordinal));
    }

    private static async Task<List<(LogLevel Level, string Text)>> StartAndReadLogAsync(Dictionary<string, string> settings)
    {
        var log = new Collected();
        await using var gateway = new ServiceFactory<Program>(settings, testServices: s => s.AddSingleton<ILoggerProvider>(log));
        gateway.CreateClient().Dispose();
        return [.. log.Messages];
    }

    private sealed class Collected : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
