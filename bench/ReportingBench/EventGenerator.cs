using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Bench.ReportingBench;

/// <summary>
/// The events a national reporting instance receives over <c>months</c> months at <c>units</c> units (scale.md: 41,000 is
/// 10× national): the root, 34 provinces, 22 ministries, and per province departments (about 1 in 6) and communes; the
/// monthly framework; per month one agency-to-province obligation set per province and one to-national set, each
/// report handed in (about 1 in 9 late) or not (about 1 in 12), approved, left awaiting review or returned and handed in
/// again; both closures; one ScoresPublished per peer group (provinces, ministries, each province's departments and
/// communes: together every unit) with groups A–E and the 11 indicators of monthly-4585, and a correction of the
/// provinces' ranking every third month. Deterministic (fixed seed), generated month by month (never all in memory).
/// </summary>
internal sealed class EventGenerator
{
    public const string Tenant = "national";
    public const string Framework = "monthly-4585";
    public const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    public const string Root = "vn";
    private const int Provinces = 34;
    private const int Ministries = 22;
    private static readonly (string Group, string Code, decimal Max)[] Indicators =
    [
        ("A", "A1", 18), ("A", "A2", 9), ("A", "A3", 2), ("B", "B", 20), ("C", "C1", 10), ("C", "C2", 10),
        ("D", "D1", 10), ("D", "D2", 10), ("E", "E1", 5), ("E", "E2", 5), ("E", "E3", 5),
    ];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<Unit> _units = [];

    public EventGenerator(int units, int months)
    {
        Months = months;
        _units.Add(new Unit(Root, "Cả nước", "national", null, null, 50));
        for (var p = 1; p <= Provinces; p++) _units.Add(new Unit(Province(p), $"Tỉnh Số {p:D2}", "province", Root, "provinces", Skill(p)));
        for (var m = 1; m <= Ministries; m++) _units.Add(new Unit($"bo-{m:D2}", $"Bộ Số {m:D2}", "ministry", Root, "ministries", Skill(100 + m)));
        var below = Math.Max(0, units - _units.Count);
        for (var i = 0; i < below; i++)
        {
            var p = i % Provinces + 1;
            var department = i / Provinces % 6 == 0;
            var code = department ? $"{Province(p)}.so-{i:D5}" : $"{Province(p)}.xa-{i:D5}";
            var name = department ? $"Sở Số {i:D5} tỉnh Số {p:D2}" : $"Xã Số {i:D5} tỉnh Số {p:D2}";
            _units.Add(new Unit(code, name, department ? "department" : "commune", Province(p),
                department ? $"{Province(p)}.departments" : $"{Province(p)}.communes", Skill(1000 + i)));
        }
    }

    public int Months { get; }
    public IReadOnlyList<Unit> Units => _units;
    public static string Province(int p) => $"tinh-{p:D2}";
    public static string Period(int month) => Start.AddMonths(month).ToString("yyyy-MM");

    public sealed record Unit(string Code, string Name, string Kind, string? Parent, string? PeerGroup, int Skill);

    /// <summary>Directory and framework: before the first month.</summary>
    public IEnumerable<IIntegrationEvent> Setup(string definition)
    {
        foreach (var u in _units)
            yield return new OrganisationUnitRegistered(Tenant, u.Code, u.Name, u.Kind, u.Parent, 1, Start.AddDays(-10),
                u.PeerGroup is null ? [] : [u.PeerGroup]);
        yield return new FrameworkVersionPublished(Tenant, Framework, Version, "Chấm điểm hằng tháng", "2026-01", null,
            "Quyết định 4585/QĐ-BKHCN ngày 30/12/2025", "shipped", definition, Start.AddDays(-10));
    }

    public IEnumerable<IIntegrationEvent> Month(int month)
    {
        var period = Period(month);
        var random = new Random(month * 7919 + 17);
        var opened = Start.AddMonths(month);
        var dueProvince = opened.AddMonths(1).AddDays(2).AddHours(17);
        var dueNational = opened.AddMonths(1).AddDays(4).AddHours(17);
        var approved = new HashSet<string>(StringComparer.Ordinal);

        var byProvince = _units.Where(u => u.Kind is "department" or "commune").GroupBy(u => u.Parent!);
        foreach (var province in byProvince)
        {
            var reports = province.Select(u => new OwedReport(u.Code, u.Kind == "department" ? province.Key : u.Code, "lead", ["A.due", "A.onTime"])).ToList();
            yield return new ObligationsAnnounced(Tenant, Framework, Version, period, "agency-to-province", province.Key, dueProvince, 1, reports, opened);
            foreach (var r in reports)
                foreach (var e in Submission(random, period, r.ReportingUnit, r.TargetUnit, dueProvince, approved)) yield return e;
        }
        var national = _units.Where(u => u.Kind is "province" or "ministry")
            .Select(u => new OwedReport(u.Code, u.Code, "lead", ["A.due", "A.onTime"])).ToList();
        yield return new ObligationsAnnounced(Tenant, Framework, Version, period, "to-national", Root, dueNational, 1, national, opened);
        foreach (var r in national)
            foreach (var e in Submission(random, period, r.ReportingUnit, r.TargetUnit, dueNational, approved)) yield return e;
        yield return new PeriodClosed(Tenant, Framework, Version, period, "agency-to-province", dueProvince, dueProvince.AddMinutes(1));
        yield return new PeriodClosed(Tenant, Framework, Version, period, "to-national", dueNational, dueNational.AddMinutes(1));

        var published = dueNational.AddDays(5);
        foreach (var group in _units.Where(u => u.PeerGroup is not null).GroupBy(u => u.PeerGroup!))
        {
            yield return Ranking(random, period, group.Key, [.. group], approved, 1, published);
            if (group.Key == "provinces" && month % 3 == 2)
                yield return Ranking(random, period, group.Key, [.. group], approved, 2, published.AddDays(2));
        }
    }

    /// <summary>One ranking of <paramref name="units"/> (the bench's 41,000-unit export uses it for all units at once).</summary>
    public ScoresPublished Ranking(Random random, string period, string peerGroup, IReadOnlyList<Unit> units, ISet<string>? approved,
        int revision, DateTimeOffset at)
    {
        var scored = units.Select(u =>
        {
            var reported = approved is null || approved.Contains(u.Code);
            var indicators = Indicators.ToDictionary(i => i.Code, i => reported
                ? new PublishedIndicatorScore(Math.Round(i.Max * Math.Clamp((u.Skill + random.Next(-15, 16)) / 100m, 0m, 1m), 2), i.Max, [])
                : new PublishedIndicatorScore(0m, i.Max, ["missing"]));
            var groups = Indicators.GroupBy(i => i.Group).ToDictionary(g => g.Key, g => Math.Min(g.Key == "E" ? 15m : 20m, g.Sum(i => indicators[i.Code].Score)));
            var total = Math.Min(100m, groups.Values.Sum() * 100m / 95m);
            return (Unit: u.Code, Reported: reported, Total: Math.Round(total, 0, MidpointRounding.AwayFromZero), Unrounded: total, Groups: groups, Indicators: indicators);
        }).OrderByDescending(s => s.Reported).ThenByDescending(s => s.Total).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList();
        var reportedCount = scored.Count(s => s.Reported);
        var lines = new List<PublishedUnitScore>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var s = scored[i];
            var rank = !s.Reported ? reportedCount + 1 : i > 0 && scored[i - 1].Total == s.Total && scored[i - 1].Reported ? lines[i - 1].Rank : i + 1;
            var classification = !s.Reported ? null : s.Total >= 85 ? "A" : s.Total >= 70 ? "B" : s.Total >= 50 ? "C" : "D";
            lines.Add(new PublishedUnitScore(s.Unit, s.Reported ? s.Total : 0m, s.Reported ? s.Unrounded : 0m, classification, rank,
                s.Reported ? s.Groups : new Dictionary<string, decimal>(), s.Indicators, 0m, s.Reported));
        }
        return new ScoresPublished(Tenant, Framework, Version, period, peerGroup, revision, revision == 1 ? null : revision - 1,
            revision == 1 ? null : "Điều chỉnh số liệu nhóm C sau phản hồi của địa phương", revision == 1 ? null : [units[0].Code], lines, at);
    }

    private static IEnumerable<IIntegrationEvent> Submission(Random random, string period, string unit, string target, DateTimeOffset due,
        HashSet<string> approved)
    {
        var roll = random.Next(100);
        if (roll < 8) yield break; // not reported
        var id = Id($"{period}/{unit}/{target}");
        var late = roll < 19;
        var submitted = late ? due.AddHours(random.Next(1, 72)) : due.AddHours(-random.Next(2, 200));
        yield return new SubmissionSubmitted(id, Tenant, Framework, Version, period, unit, target, late, "reporter." + unit, 1, submitted);
        var review = random.Next(100);
        if (review < 10) yield break; // awaiting review
        if (review < 15)
        {
            yield return new SubmissionReturned(id, Tenant, Framework, Version, period, unit, target, "Thiếu tài liệu kiểm chứng", "reviewer", 2,
                submitted.AddHours(20));
            yield return new SubmissionSubmitted(id, Tenant, Framework, Version, period, unit, target, true, "reporter." + unit, 3,
                submitted.AddHours(40));
            yield return Approval(id, period, unit, target, late, 4, submitted.AddHours(60));
        }
        else yield return Approval(id, period, unit, target, late, 2, submitted.AddHours(24));
        approved.Add(unit);
    }

    private static SubmissionApproved Approval(Guid id, string period, string unit, string target, bool late, int revision, DateTimeOffset at) =>
        new(id, Tenant, Framework, Version, period, unit, target, new Dictionary<string, JsonElement>(), late, "reviewer", revision, at);

    private static Guid Id(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private static int Skill(int seed) => 35 + new Random(seed).Next(0, 60);
}
