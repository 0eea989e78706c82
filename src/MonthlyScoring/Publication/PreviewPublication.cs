using Microsoft.AspNetCore.Http.HttpResults;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Publication;

/// <summary>
/// <c>GET /api/monthly-scoring/publications/preview?period=&amp;peerGroup=</c>: what publishing would publish now
/// (<see cref="PublicationPreview"/>), with the fingerprint the publisher sends back to confirm it.
/// </summary>
public static class PreviewPublication
{
    public static async Task<Results<Ok<PublicationPreview>, ValidationProblem, ProblemHttpResult>> Handle(
        string? period, string? peerGroup, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, _, options, _) = services;
        var errors = RunHttp.Check(frameworks, period, peerGroup, out var framework);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var tenant = options.Value.Tenant;
        PublicationDraft draft;
        try
        {
            draft = await PublicationDraft.BuildAsync(db, tenant, framework!, period!, peerGroup!, ct);
        }
        catch (ScoringInputException ex)
        {
            return RunHttp.Unscorable(ex);
        }
        var closed = await PeriodClosing.IsClosedNationallyAsync(db, tenant, framework!.Id, period!, ct);
        return TypedResults.Ok(await PublicationPreview.OfAsync(draft, closed, db, tenant, options.Value.KnownSubscribers, ct));
    }
}
