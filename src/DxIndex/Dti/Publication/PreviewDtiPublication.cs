using Microsoft.AspNetCore.Http.HttpResults;
using Platform.DxIndex.Dti.Http;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.Dti.Publication;

/// <summary><c>GET /api/dx-index/dti/{year}/publication/preview</c>: what publishing would publish now, with the fingerprint to confirm.</summary>
public static class PreviewDtiPublication
{
    public static async Task<Results<Ok<DtiPublicationPreview>, ValidationProblem, ProblemHttpResult>> Handle(
        string year, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out var framework);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (db, tenant) = (services.Db, services.Tenant);
        DtiPublicationDraft draft;
        try
        {
            draft = await DtiPublicationDraft.BuildAsync(db, tenant, framework!, year, services.Dti.Value.References, ct);
        }
        catch (ScoringInputException ex)
        {
            return DtiHttp.Unscorable(ex);
        }
        var closed = await DtiClosing.IsClosedAsync(db, tenant, year, ct);
        var demo = await DtiClosing.DemoUnitsAsync(db, tenant, year, ct);
        return TypedResults.Ok(await DtiPublicationPreview.OfAsync(draft, closed, demo, db, tenant, services.Dti.Value.KnownSubscribers, ct));
    }
}
