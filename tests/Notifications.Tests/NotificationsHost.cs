using Platform.Notifications.Data;
using Platform.TestSupport;

namespace Platform.Notifications.Tests;

/// <summary>
/// The notifications service as its tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>: a database and virtual
/// host of its own, trusting test tokens). Features add their seed helpers in their own folders.
/// </summary>
internal static class NotificationsHost
{
    public const string Tenant = "national";

    /// <summary>On a clock the test sets and moves (<paramref name="now"/>).</summary>
    public static Task<ServiceHost<Program, NotificationsDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, DateTimeOffset now) =>
        ServiceHost.StartAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName, prefix, now: now);

    /// <summary>On the system clock, for consumer tests (<see cref="ServiceHost{TProgram, TDbContext}.DeliverAsync{T}"/>).</summary>
    public static Task<ServiceHost<Program, NotificationsDbContext>> StartOnSystemClockAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, NotificationsDbContext>(infrastructure, NotificationsModule.DatabaseName, prefix);
}
