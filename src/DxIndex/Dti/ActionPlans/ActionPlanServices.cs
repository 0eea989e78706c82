using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>What the action-plan handlers share, taken as one <c>[AsParameters] ActionPlanServices services</c>.</summary>
public sealed record ActionPlanServices(DxIndexDbContext Db, ClaimsPrincipal User, IOptions<DxIndexOptions> Options, TimeProvider Time,
    FrameworkCatalog Frameworks, HttpContext Http);
