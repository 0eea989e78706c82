using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;

namespace Platform.MonthlyScoring.Http;

/// <summary>
/// What monthly scoring's handlers share, taken as one <c>[AsParameters] MonthlyScoringServices services</c>: the
/// database, who is calling (anonymous on the public routes), the options (the deployment's tenant) and the clock.
/// </summary>
public sealed record MonthlyScoringServices(MonthlyScoringDbContext Db, ClaimsPrincipal User, IOptions<MonthlyScoringOptions> Options, TimeProvider Time);
