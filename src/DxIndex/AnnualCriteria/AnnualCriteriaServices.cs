using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>What the annual criteria's handlers share, bound with <c>[AsParameters]</c>.</summary>
public sealed record AnnualCriteriaServices(DxIndexDbContext Db, ClaimsPrincipal User, IOptions<DxIndexOptions> Options,
    IOptions<AnnualCriteriaOptions> Feature, FrameworkCatalog Catalog);
