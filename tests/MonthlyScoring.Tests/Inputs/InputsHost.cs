using Platform.MonthlyScoring.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.MonthlyScoring.Tests.Inputs;

/// <summary>
/// Monthly scoring as its consumer tests host it (<see cref="ServiceHost{TProgram, TDbContext}"/>), on the system clock:
/// events go in through <see cref="ServiceHost{TProgram, TDbContext}.DeliverAsync{T}"/>, which waits until the service's
/// consumer has finished with that message id. And the people who read what the consumers stored.
/// </summary>
internal static class InputsHost
{
    public static readonly TestUser LaoCaiReporter = new("bao-cao.lao-cai", [PlatformRoles.Reporter], OrgUnit: "lao-cai");
    public static readonly TestUser LaoCaiLeader = new("lanh-dao.lao-cai", [PlatformRoles.Leader], OrgUnit: "lao-cai");
    public static readonly TestUser NationalLeader = new("lanh-dao.vn", [PlatformRoles.Leader], OrgUnit: "vn");
    public static readonly TestUser Approver = new("ban-chi-dao.vn", [PlatformRoles.BonusApprover], OrgUnit: "vn");

    public static Task<ServiceHost<Program, MonthlyScoringDbContext>> StartAsync(PlatformInfrastructure infrastructure, string prefix) =>
        ServiceHost.StartAsync<Program, MonthlyScoringDbContext>(infrastructure, MonthlyScoringModule.DatabaseName, prefix);
}
