using Platform.DxIndex.Data;
using Platform.TestSupport;

namespace Platform.DxIndex.Tests;

/// <summary>
/// The DX index service as its tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>: a database and virtual host
/// of its own, trusting test tokens). Features add their people and seed helpers in their own folders.
/// </summary>
internal static class DxIndexHost
{
    public const string Tenant = "national";

    /// <summary>On a fixed clock (<paramref name="now"/>), for the HTTP tests.</summary>
    public static Task<ServiceHost<Program, DxIndexDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, DateTimeOffset now) =>
        ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix, now: now);

    /// <summary>
    /// On the system clock, for the consumer tests: events go in through
    /// <see cref="ServiceHost{TProgram, TDbContext}.DeliverAsync{T}"/>, which waits until the service's consumer has finished
    /// with that message id.
    /// </summary>
    public static Task<ServiceHost<Program, DxIndexDbContext>> StartOnSystemClockAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, DxIndexDbContext>(infrastructure, DxIndexModule.DatabaseName, prefix);
}
