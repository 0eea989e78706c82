using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Publication;
using Platform.DxIndex.Dti.Ranking;
using Platform.DxIndex.Dti.Runs;
using Platform.DataAndMessaging.Units;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.Dti.PublicResults;

public sealed record PublishedDtiYear(string Year, int Revision, DateTimeOffset PublishedAt, string? Reason);

/// <summary>One province as everyone may read it: no indicators or inputs; null total and rank when it has not reported.</summary>
public sealed record PublishedProvince(string Unit, string Name, bool Reported, decimal? Total, int? Rank, IReadOnlyDictionary<string, decimal> Pillars);

public sealed record PublishedDti(string Year, string FrameworkId, string FrameworkVersion, int Revision, DateTimeOffset PublishedAt, string? Reason,
    IReadOnlyList<DtiRevisionView> Revisions, int NotReported, IReadOnlyList<DtiPillarHead> Pillars, IReadOnlyList<PublishedProvince> Results);

/// <summary>
/// Published DTI for everyone, without sign-in (<c>/api/dx-index/public/dti/…</c>, a gateway public path): official
/// revisions only — a provisional index or an illustrative value never leaves here.
/// </summary>
public static class PublicDtiApi
{
    public static IEndpointRouteBuilder MapPublicDtiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{DxIndexModule.ServiceName}/public/dti").WithTags("DTI published").AllowAnonymous();
        group.MapGet("/years", ListPublishedYears).WithName("ListPublishedDtiYears")
            .WithSummary("Every published DTI year with its current revision, newest first");
        group.MapGet("/{year}", ReadPublished).WithName("ReadPublishedDti")
            .WithSummary("The current official revision of a year's DTI");
        return app;
    }

    public static async Task<Ok<List<PublishedDtiYear>>> ListPublishedYears([AsParameters] DtiServices services, CancellationToken ct)
    {
        var runs = await DtiResults.Official(services.Db, services.Tenant).Select(r => new { r.Year, r.Revision, r.CreatedAt, r.Reason }).ToListAsync(ct);
        return TypedResults.Ok(runs.GroupBy(r => r.Year).Select(g => g.MaxBy(r => r.Revision)!)
            .Select(r => new PublishedDtiYear(r.Year, r.Revision, r.CreatedAt, r.Reason))
            .OrderByDescending(y => y.Year, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Ok<PublishedDti>, ValidationProblem, ProblemHttpResult>> ReadPublished(
        string year, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out _);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (db, tenant) = (services.Db, services.Tenant);
        var revisions = await DtiResults.Official(db, tenant).Where(r => r.Year == year).OrderByDescending(r => r.Revision)
            .Select(r => new DtiRevisionView(r.Revision, r.CreatedAt, r.Reason)).ToListAsync(ct);
        if (revisions.Count == 0) return DtiHttp.NotPublished(year);
        var run = await DtiResults.Official(db, tenant).SingleAsync(r => r.Year == year && r.Revision == revisions[0].Revision, ct);
        var result = DtiResults.OfRun(services.Frameworks, run);
        var standings = result.Computed.Standings;
        var names = await db.UnitNamesAsync(tenant, [.. standings.Select(s => s.Line.Unit)], ct);
        return TypedResults.Ok(new PublishedDti(year, run.FrameworkId, run.FrameworkVersion, run.Revision, run.CreatedAt, run.Reason, revisions,
            standings.Count(s => !s.Reported), ReadRanking.Pillars(result.Computed),
            [.. standings.Select(s => new PublishedProvince(s.Line.Unit, names.GetValueOrDefault(s.Line.Unit) ?? s.Line.Unit, s.Reported,
                s.Reported ? s.Line.Total : null, s.Rank, s.Reported ? s.Line.Groups : new Dictionary<string, decimal>()))]));
    }
}
