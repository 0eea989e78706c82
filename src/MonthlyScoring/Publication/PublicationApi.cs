using Platform.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Runs;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;

namespace Platform.MonthlyScoring.Publication;

/// <summary>Publication: the preview the publisher confirms, and publishing (first time or a correction).</summary>
public static class PublicationApi
{
    public const string ClosedLevel = "to-national";

    public static RouteGroupBuilder MapPublicationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/publications").WithTags("Publication")
            .RequireAuthorization(PlatformPolicies.Publisher);
        group.MapGet("/preview", PreviewAsync).WithSummary("What publishing would publish now, with the fingerprint to confirm");
        group.MapPost("", PublishScores.PublishAsync).WithSummary("Publish revision 1 or a correction, confirming a preview's fingerprint");
        return group;
    }

    public static async Task<Results<Ok<PublicationPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(string? period, string? peerGroup,
        MonthlyScoringDbContext db, IOptions<MonthlyScoringOptions> options, FrameworkCatalog frameworks, CancellationToken ct)
    {
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
        var closed = await IsClosedAsync(db, tenant, framework!.Id, period!, ct);
        return TypedResults.Ok(await PublicationPreview.OfAsync(draft, closed, db, tenant, options.Value.KnownSubscribers, ct));
    }

    internal static Task<bool> IsClosedAsync(MonthlyScoringDbContext db, string tenant, string frameworkId, string period, CancellationToken ct) =>
        db.ClosedPeriods.AnyAsync(c => c.Tenant == tenant && c.FrameworkId == frameworkId && c.Period == period && c.Level == ClosedLevel, ct);
}
