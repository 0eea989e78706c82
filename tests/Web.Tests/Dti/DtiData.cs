using Platform.Web.Api;

namespace Platform.Web.Tests.Dti;

/// <summary>DTI answers as dx-index gives them (docs/dx-index.md): 2026 provisional with Lào Cai, Thanh Hóa and silent Hà Giang; 2025 demo data.</summary>
internal static class DtiData
{
    public static readonly FrameworkDefinition Framework = ShippedDefinitions.Definition("dti-province-405", "2026");

    public static IReadOnlyList<DtiPillar> Pillars => [.. Framework.Groups.Select(g => new DtiPillar(g.Code, g.Name, g.Max))];

    public static Dictionary<string, decimal> PillarScores(params decimal[] scores) =>
        scores.Select((s, i) => (Code: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s)).ToDictionary(x => x.Code, x => x.s);

    public static readonly DtiRankingLine ThanhHoa = new("thanh-hoa", "Tỉnh Thanh Hóa", true, 612.5m, 1, PillarScores(40, 35, 150, 70, 80, 120, 60, 57.5m), false);
    public static readonly DtiRankingLine LaoCai = new("lao-cai", "Tỉnh Lào Cai", true, 430.25m, 2, PillarScores(30, 20, 100, 50, 60, 90, 40, 40.25m), false);
    public static readonly DtiRankingLine HaGiang = new("ha-giang", "Tỉnh Hà Giang", false, null, null, new Dictionary<string, decimal>(), false);

    public static readonly DateTimeOffset Computed = new(2026, 12, 6, 2, 30, 0, TimeSpan.Zero);

    public static DtiRanking Provisional2026 => new("2026", "dti-province-405", Framework.Version, "provisional", null, null, null, Computed, false, Pillars,
        [ThanhHoa, LaoCai, HaGiang], 1);

    public static DtiRanking Demo2025 => new("2025", "dti-province-405", Framework.Version, "official", 1, Computed.AddDays(-30), null, null, true, Pillars,
        [ThanhHoa with { Demo = true }, HaGiang], 1);

    public static DtiYear[] Years => [new("2026", Framework.Version, false, null, null, false), new("2025", Framework.Version, true, 1, Computed.AddDays(-30), true)];

    public static DtiIndicatorStanding Indicator(string code, decimal score, bool weak, string[]? flags = null)
    {
        var definition = Framework.Groups.SelectMany(g => g.Indicators.Select(i => (Group: g, Indicator: i))).Single(x => x.Indicator.Code == code);
        return new DtiIndicatorStanding(code, definition.Indicator.Name, definition.Group.Code, definition.Indicator.Max, score, flags ?? [],
            definition.Indicator.Max, "thanh-hoa", "Các sở, ban, ngành, UBND các xã, phường", ["Sở Khoa học và Công nghệ"], "hằng tháng",
            code == "6.4" ? "Thường xuyên cập nhật các DVCTT toàn trình lên Cổng dịch vụ công của tỉnh" : "Ban hành văn bản chỉ đạo",
            $"mục {code} Bảng I.4", weak);
    }

    /// <summary>Lào Cai 2026: 6.4 weak (0 of 20), 1.1 full.</summary>
    public static DtiProfile LaoCaiProfile => new("2026", "lao-cai", "Tỉnh Lào Cai", "provisional", null, false, true, 430.25m, 2, 2,
        [.. Pillars.Select((p, i) => new DtiPillarStanding(p.Code, p.Name, p.Max, LaoCai.Pillars[p.Code], ThanhHoa.Pillars[p.Code],
            (LaoCai.Pillars[p.Code] + ThanhHoa.Pillars[p.Code]) / 2))],
        [new DtiHistoryPoint("2025", "official", 1, true, 380m, 3, PillarScores(25, 20, 90, 40, 50, 80, 40, 35)),
         new DtiHistoryPoint("2026", "provisional", null, true, 430.25m, 2, LaoCai.Pillars)],
        [Indicator("1.1", 10, false), Indicator("6.4", 0, true)]);

    public static DtiAction Action(string indicator, int version = 1, DtiActionOutcome? outcome = null, int year = 2026) =>
        new(new Guid($"00000000-0000-0000-0000-0000000000{(indicator == "6.4" ? "64" : "11")}"), year, "lao-cai", indicator,
            "Triển khai nền tảng dịch vụ công toàn trình cho các xã", "Sở Khoa học và Công nghệ", new DateOnly(2027, 6, 30), 40, "in-progress",
            null, Computed, "Trần Thị Duyệt", version, outcome);
}
