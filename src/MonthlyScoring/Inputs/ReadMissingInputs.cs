using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Units;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;
using Platform.MonthlyScoring.Http;

namespace Platform.MonthlyScoring.Inputs;

public sealed record MissingInputView(string Key, string Label);

public sealed record UnitMissingView(string Unit, string Name, IReadOnlyList<MissingInputView> Missing);

/// <summary>Who has not (fully) reported for a period: the units of the peer group in the caller's subtree with inputs still missing.</summary>
public sealed record MissingInputsView(string Period, string PeerGroup, string FrameworkVersion, int UnitsInGroup, IReadOnlyList<UnitMissingView> Units);

/// <summary><c>GET /api/monthly-scoring/periods/{period}/missing?peerGroup=</c>.</summary>
public static class ReadMissingInputs
{
    public static async Task<Results<Ok<MissingInputsView>, ValidationProblem, ProblemHttpResult>> Handle(
        string period, string? peerGroup, [AsParameters] MonthlyScoringServices services, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, _) = services;
        if (user.OrgUnit() is not { } callerUnit) return ApiProblems.NoUnit();
        if (!Months.IsMonth(period)) return ApiProblems.Invalid("period", Months.BadPeriod);
        var tenant = options.Value.Tenant;
        if (string.IsNullOrWhiteSpace(peerGroup) || !await db.Units.AnyAsync(u => u.Tenant == tenant && u.PeerGroups.Contains(peerGroup), ct))
            return ApiProblems.Invalid("peerGroup", $"Nhóm đơn vị \"{peerGroup}\" không tồn tại; ví dụ: provinces, ministries.");
        var framework = frameworks.Find(MonthlyScoringOptions.FrameworkId, null, period);
        if (framework is null)
            return ApiProblems.Invalid("period", $"Kỳ {period} chưa có bộ chỉ số chấm điểm hằng tháng có hiệu lực.");

        var set = await ScoringInputLoader.LoadAsync(db, tenant, framework, period, peerGroup, null, ct);
        var visible = await db.Units.AsNoTracking()
            .Where(u => u.Tenant == tenant && db.SubtreeCodes(tenant, callerUnit).Contains(u.Code))
            .Select(u => new { u.Code, u.Name })
            .ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
        var labels = framework.Inputs.ToDictionary(i => i.Key, i => i.Label, StringComparer.Ordinal);

        var units = set.Missing.Where(m => visible.ContainsKey(m.Unit))
            .GroupBy(m => m.Unit)
            .Select(g => new UnitMissingView(g.Key, visible[g.Key], [.. g.Select(m => new MissingInputView(m.InputKey, labels.GetValueOrDefault(m.InputKey, m.InputKey)))]))
            .ToList();
        var inGroup = set.Request.Units.Count(u => visible.ContainsKey(u.Unit));
        return TypedResults.Ok(new MissingInputsView(period, peerGroup, framework.Version, inGroup, units));
    }
}
