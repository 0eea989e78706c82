using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Intake.Frameworks;

/// <summary>
/// What an uploaded version would be: the version itself, the version it follows (whose last period becomes the one
/// before <c>effectiveFrom</c>), the readable changes against it, and every problem keyed by where it is (a JSON path
/// such as <c>$.effectiveFrom</c>, or <c>definition</c> for a rule that does not compile).
/// </summary>
internal sealed record FrameworkUpload(
    CompiledFramework? Framework, CompiledFramework? Follows, IReadOnlyList<FrameworkChange> Changes, Dictionary<string, string[]> Problems)
{
    /// <summary>The largest definition accepted (the shipped ones are 10–60 kB).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static async Task<FrameworkUpload> CheckAsync(string json, FrameworkCatalog catalog, IntakeDbContext db, string tenant, CancellationToken ct)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message) { if (!problems.TryGetValue(key, out var list)) problems[key] = list = []; list.Add(message); }

        var (framework, read) = FrameworkFile.Read(json);
        foreach (var problem in read) Add(KeyOf(problem), problem);
        if (framework is null) return new(null, null, [], Close(problems));

        var d = framework.Definition;
        var versions = catalog.All.Where(f => f.Id == d.Id).OrderBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal).ToList();
        if (versions.Count == 0)
        {
            Add("$.id", $"Khung \"{d.Id}\" chưa có trên nền tảng; chỉ thêm được phiên bản mới của khung đã có " +
                $"({string.Join(", ", catalog.All.Select(f => f.Id).Distinct())}).");
            return new(framework, null, [], Close(problems));
        }
        var latest = versions[^1];
        if (versions.Any(v => v.Version == d.Version))
            Add("$.version", $"Khung \"{d.Id}\" đã có phiên bản \"{d.Version}\"; mỗi phiên bản chỉ ghi một lần, hãy đặt tên phiên bản mới.");
        if (d.LegalBasis is null || string.IsNullOrWhiteSpace(d.LegalBasis.Document) || string.IsNullOrWhiteSpace(d.LegalBasis.Date))
            Add("$.legalBasis", "Thiếu căn cứ pháp lý (văn bản và ngày ban hành): phiên bản mới phải nêu quyết định áp dụng nó.");
        if (d.PeriodType != latest.Definition.PeriodType)
            Add("$.periodType", $"Loại kỳ \"{d.PeriodType}\" khác với các phiên bản trước (\"{latest.Definition.PeriodType}\").");
        if (Period.Compare(Start(d.EffectiveFrom), latest.Definition.EffectiveFrom) <= 0)
            Add("$.effectiveFrom", $"Phiên bản mới phải có hiệu lực sau phiên bản hiện hành \"{latest.Version}\" " +
                $"(từ kỳ {Shown(latest.Definition.EffectiveFrom)}); kỳ {Shown(d.EffectiveFrom)} không hợp lệ.");
        var lastClosed = await db.ClosedPeriods.AsNoTracking()
            .Where(c => c.Tenant == tenant && c.FrameworkId == d.Id)
            .OrderByDescending(c => c.Period).Select(c => c.Period).FirstOrDefaultAsync(ct);
        if (lastClosed is not null && Period.Compare(Start(d.EffectiveFrom), lastClosed) <= 0)
            Add("$.effectiveFrom", $"Kỳ {Shown(lastClosed)} đã chốt số liệu theo phiên bản đang áp dụng; phiên bản mới chỉ áp dụng " +
                $"từ kỳ sau kỳ đã chốt, không áp dụng từ {Shown(d.EffectiveFrom)}. Kết quả đã chấm giữ nguyên phiên bản đã dùng.");
        if (problems.Count == 0)
        {
            try
            {
                _ = FrameworkCatalog.FromVersions(catalog.All.Select(f => f.Definition).Append(d));
            }
            catch (FrameworkDefinitionException ex)
            {
                foreach (var problem in ex.Problems) Add("$.effectiveTo", problem);
            }
        }
        var follows = catalog.Find(d.Id, null, FrameworkCatalog.Before(d.EffectiveFrom) ?? d.EffectiveFrom) ?? latest;
        return new(framework, follows, FrameworkDiff.Between(follows.Definition, d), Close(problems));
    }

    /// <summary>"2026-07" → "07/2026" (a year stays "2026"), how people read a period.</summary>
    public static string Shown(string period) =>
        Period.TryParse(period, out var p) && p.Month > 0 ? $"{p.Month:D2}/{p.Year}" : period;

    private static (int, int) Start(string period) => Period.TryParse(period, out var p) ? (p.Year, Math.Max(p.Month, 0)) : (0, 0);

    // "$.groups[0].max (dòng 3, cột 5): …" → "$.groups[0].max"; a compile problem ("A1: …") → "definition".
    private static string KeyOf(string problem)
    {
        if (!problem.StartsWith('$')) return "definition";
        var end = problem.IndexOfAny([' ', ':']);
        return end < 0 ? problem : problem[..end];
    }

    private static Dictionary<string, string[]> Close(Dictionary<string, List<string>> problems) =>
        problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
