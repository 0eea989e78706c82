using Platform.Reporting.Data;
using Platform.TestSupport;

namespace Platform.Reporting.Tests;

/// <summary>
/// The reporting service as its tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>: a database and virtual
/// host of its own, trusting test tokens). Features add their seed helpers in their own folders.
/// </summary>
internal static class ReportingHost
{
    public const string Tenant = "national";

    /// <summary>On the system clock, for consumer tests (<see cref="ServiceHost{TProgram, TDbContext}.DeliverAsync{T}"/>).</summary>
    public static Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, ReportingDbContext>(infrastructure, ReportingModule.DatabaseName, prefix);

    /// <summary>On a clock the test sets and moves (<paramref name="now"/>).</summary>
    public static Task<ServiceHost<Program, ReportingDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix, DateTimeOffset now) =>
        ServiceHost.StartAsync<Program, ReportingDbContext>(infrastructure, ReportingModule.DatabaseName, prefix, now: now);
}
