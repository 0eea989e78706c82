using System.Security.Claims;
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
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.OfficialReports;

/// <summary>A published ranking (its current revision), as the list of meeting documents shows it.</summary>
public sealed record PublishedRankingInfo(string Framework, string FrameworkName, string Period, string PeriodName, string PeerGroup,
    string PeerGroupName, int Revision, DateTimeOffset PublishedAt, string PublishedAtVietnam, int Units);

public static class RankingListQuery
{
    /// <summary>Current revisions, newest period first; national peer groups for everyone, other peer groups when the caller sees one of their units.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PublishedRankingInfo>>, ValidationProblem>> Get(string? framework, ReportingDbContext db,
        FrameworkCatalog catalog, IOptions<ReportingOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fw = DashboardInput.Framework(framework, DashboardInput.MonthlyFramework, catalog, errors)!;
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var tenant = options.Value.Tenant;
        var caller = user.OrgUnit();
        var all = caller is not null && await db.IsRootAsync(tenant, caller, ct);
        var subtree = db.SubtreeCodes(tenant, caller ?? "");
        var national = DashboardInput.NationalPeerGroups.ToArray();
        var publications = await db.Set<Publication>().AsNoTracking()
            .Where(p => p.Tenant == tenant && p.Framework == fw && p.IsCurrent)
            .Where(p => all || national.Contains(p.PeerGroup) || db.Set<PublishedScore>().Any(s => s.Tenant == p.Tenant
                && s.Framework == p.Framework && s.Period == p.Period && s.PeerGroup == p.PeerGroup && s.Revision == p.Revision && subtree.Contains(s.Unit)))
            .OrderByDescending(p => p.Period).ThenBy(p => p.PeerGroup)
            .ToListAsync(ct);
        IReadOnlyList<PublishedRankingInfo> list = publications.Select(p => new PublishedRankingInfo(p.Framework,
            PublishedFrameworks.Name(catalog, p.Framework, p.FrameworkVersion, p.Period), p.Period, ReportText.PeriodName(p.Period), p.PeerGroup,
            ReportText.PeerGroupName(p.PeerGroup), p.Revision, p.PublishedAt, ReportText.Moment(p.PublishedAt), p.Units)).ToList();
        return TypedResults.Ok(list);
    }
}
