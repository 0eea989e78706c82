using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;

namespace Platform.Intake.Http;

/// <summary>
/// What intake's handlers share, taken as one <c>[AsParameters] IntakeServices services</c>: the database, who is
/// calling (the validated token), the options (the deployment's tenant) and the clock. A handler lists besides it
/// only its own inputs and what it alone needs (the calendar, the evidence store, the request for <c>If-Match</c>).
/// </summary>
public sealed record IntakeServices(IntakeDbContext Db, ClaimsPrincipal User, IOptions<IntakeOptions> Options, TimeProvider Time);
