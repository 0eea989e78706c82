using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Http;
using Platform.DxIndex.Dti.Inputs;
using Platform.DxIndex.Dti.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Engine;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.Dti.Ranking;

/// <summary>
/// <c>GET /api/dx-index/dti/{year}/provinces/{unit}?kind=</c>: a province's eight pillars against the best and median of the
/// ranked provinces, its history year over year, and every indicator with its assignment (seed 004).
/// </summary>
public static class ReadProvinceProfile
{
    public static async Task<Results<Ok<ProvinceProfile>, ValidationProblem, ProblemHttpResult>> Handle(
        string year, string unit, string? kind, [AsParameters] DtiServices services, CancellationToken ct)
    {
        var errors = DtiHttp.Check(services.Frameworks, year, out var framework, kind, checkKind: true);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (db, tenant) = (services.Db, services.Tenant);
        DtiResult? result;
        try
        {
            result = await DtiResults.ReadAsync(db, tenant, services.Frameworks, framework!, year, kind, services.Dti.Value.References, services.Time, ct);
        }
        catch (ScoringInputException ex)
        {
            return DtiHttp.Unscorable(ex);
        }
        if (result is null) return DtiHttp.NotPublished(year);
        var scope = DtiScope.Everything;
        if (result.Kind == DtiHttp.Provisional && (scope = await DtiScope.ForAsync(db, tenant, services.User, ct)) is null) return ApiProblems.NoUnit();
        var standings = result.Computed.Standings;
        if (standings.FirstOrDefault(s => s.Line.Unit == unit) is not { } own || !scope.Sees(unit)) return DtiHttp.UnknownProvince(unit, year);

        var ranked = standings.Where(s => s.Reported).ToList();
        var pillars = result.Computed.Framework.Groups.Select(g =>
        {
            var scores = ranked.Select(s => s.Line.Groups.GetValueOrDefault(g.Code)).ToList();
            return new ProfilePillar(g.Code, g.Name, g.Max, own.Reported ? own.Line.Groups.GetValueOrDefault(g.Code) : null,
                scores.Count > 0 ? scores.Max() : null, DtiResults.Median(scores));
        }).ToList();
        var indicators = result.Computed.Framework.Indicators.Select(i =>
        {
            var line = own.Line.Indicators[i.Code];
            var best = ranked.Select(s => (s.Line.Unit, Score: s.Line.Indicators[i.Code].Score)).OrderByDescending(s => s.Score).FirstOrDefault();
            var d = i.Definition;
            return new ProfileIndicator(i.Code, d.Name, i.Group.Code, i.Max, line.Score, line.Flags,
                ranked.Count > 0 ? best.Score : null, ranked.Count > 0 && scope.Sees(best.Unit) ? best.Unit : null,
                d.LeadAgency, d.CooperatingAgencies, d.Frequency, d.ProposedAction, d.LegalReference,
                line.Score * 2 < i.Max || line.Flags.Contains(DtiStandings.MissingFlag));
        }).ToList();
        var names = await db.UnitNamesAsync(tenant, [unit], ct);
        var history = await HistoryAsync(services, unit, ct);
        return TypedResults.Ok(new ProvinceProfile(year, unit, names.GetValueOrDefault(unit) ?? unit, result.Kind, result.Run?.Revision,
            result.Computed.DemoUnits.Contains(unit), own.Reported, own.Reported ? own.Line.Total : null, own.Rank, ranked.Count,
            pillars, history, indicators));
    }

    /// <summary>Every year with approved values or a publication: its current official revision, otherwise its provisional index.</summary>
    private static async Task<IReadOnlyList<ProfileHistory>> HistoryAsync(DtiServices services, string unit, CancellationToken ct)
    {
        var (db, tenant) = (services.Db, services.Tenant);
        var years = (await db.Set<DtiApprovedValue>().AsNoTracking().Where(v => v.Tenant == tenant && v.FrameworkId == DtiOptions.FrameworkId)
                .Select(v => v.Year).Distinct().ToListAsync(ct))
            .Union(await DtiResults.Official(db, tenant).Select(r => r.Year).Distinct().ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();
        var history = new List<ProfileHistory>();
        foreach (var year in years)
        {
            if (DtiScoring.Framework(services.Frameworks, year) is not { } framework) continue;
            DtiResult? result;
            try
            {
                result = await DtiResults.ReadAsync(db, tenant, services.Frameworks, framework, year, null, services.Dti.Value.References, services.Time, ct);
            }
            catch (ScoringInputException)
            {
                continue; // that year's values cannot be scored now; its own answers say why
            }
            if (result?.Computed.Standings.FirstOrDefault(s => s.Line.Unit == unit) is not { } s) continue;
            history.Add(new ProfileHistory(year, result.Kind, result.Run?.Revision, s.Reported, s.Reported ? s.Line.Total : null, s.Rank,
                s.Reported ? s.Line.Groups : new Dictionary<string, decimal>()));
        }
        return history;
    }
}
