using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Time;

namespace Platform.ServiceDefaults.Tests;

public sealed class FileClockTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"clock-{Guid.NewGuid():N}");

    [Fact]
    public void Now_is_the_written_instant_plus_the_time_since_it_was_written_and_moves_when_the_file_is_rewritten()
    {
        var february2 = new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero);
        FileClock.Set(_file, february2);
        var clock = new FileClock(_file);

        var first = clock.GetUtcNow();
        Assert.InRange(first, february2, february2.AddMinutes(5));

        var february5 = new DateTimeOffset(2026, 2, 5, 1, 0, 0, TimeSpan.Zero);
        FileClock.Set(_file, february5);
        Assert.InRange(clock.GetUtcNow(), february5, february5.AddMinutes(5));
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void Services_take_the_file_clock_only_in_development(string environment, bool fileClock)
    {
        FileClock.Set(_file, new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [FileClock.Setting] = _file });

        builder.AddServiceDefaults();

        using var services = builder.Services.BuildServiceProvider();
        var clock = services.GetRequiredService<TimeProvider>();
        Assert.Equal(fileClock, clock is FileClock);
        Assert.Equal(fileClock, clock.GetUtcNow().Year == 2026 && clock.GetUtcNow().Month == 2);
    }

    public void Dispose() => File.Delete(_file);
}
