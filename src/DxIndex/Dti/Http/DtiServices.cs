using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.Dti.Http;

/// <summary>
/// What the DTI handlers share, taken as one <c>[AsParameters] DtiServices services</c>: the database, the caller
/// (anonymous on the public routes), the service's and the feature's settings, the clock and the framework catalogue.
/// </summary>
public sealed record DtiServices(DxIndexDbContext Db, ClaimsPrincipal User, IOptions<DxIndexOptions> Options, IOptions<DtiOptions> Dti,
    TimeProvider Time, FrameworkCatalog Frameworks)
{
    public string Tenant => Options.Value.Tenant;
}
