using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Shared;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;

namespace Platform.Reporting.Public;

/// <summary>One published revision as the public sees it: when, whether it is current, and for a correction its reason and the units it changed.</summary>
public sealed record PublicRevision(string Framework, string FrameworkName, string Period, string PeriodName, string PeerGroup, string PeerGroupName,
    int Revision, int? Supersedes, bool Current, DateTimeOffset PublishedAt, string PublishedAtVietnam, string? Reason, IReadOnlyList<string> ChangedUnitNames);

public static class PublicRevisions
{
    /// <summary>Every revision (the history and the corrections), newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PublicRevision>>, ValidationProblem>> List(string? framework, string? peerGroup,
        ReportingDbContext db, FrameworkCatalog catalog, IOptions<ReportingOptions> options, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, null, catalog, errors);
        var group = string.IsNullOrWhiteSpace(peerGroup) ? null : peerGroup.Trim();
        if (group is not null && !await DashboardInput.IsKnownPeerGroupAsync(db, tenant, fw, group, ct)) errors["peerGroup"] = [DashboardInput.UnknownPeerGroup(group)];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var publications = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && (fw == null || p.Framework == fw) && (group == null || p.PeerGroup == group))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Revision)
            .ToListAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, catalog, tenant, publications, ct));
    }

    public static async Task<IReadOnlyList<PublicRevision>> DescribeAsync(ReportingDbContext db, FrameworkCatalog catalog, string tenant,
        IReadOnlyList<Publication> publications, CancellationToken ct)
    {
        var names = await db.UnitNamesAsync(tenant, publications.SelectMany(p => p.ChangedUnits ?? []).Distinct().ToList(), ct);
        return [.. publications.Select(p => Describe(catalog, p, names))];
    }

    private static PublicRevision Describe(FrameworkCatalog catalog, Publication p, IReadOnlyDictionary<string, string> names) =>
        new(p.Framework, PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period), p.Period, ReportText.PeriodName(p.Period),
            p.PeerGroup, ReportText.PeerGroupName(p.PeerGroup), p.Revision, p.Supersedes, p.IsCurrent, p.PublishedAt, ReportText.Moment(p.PublishedAt),
            p.Reason, [.. (p.ChangedUnits ?? []).Select(c => names.GetValueOrDefault(c, c)).Order(ReportText.NameOrder)]);
}
