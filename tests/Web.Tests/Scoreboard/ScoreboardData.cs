using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Components.Scoreboard;

namespace Platform.Web.Tests.Scoreboard;

/// <summary>Results as monthly scoring answers them: Lào Cai and Thanh Hóa as worked out in MonthlyScoring.Tests, and Hà Nội ahead of both.</summary>
internal static class ScoreboardData
{
    /// <summary>The monthly framework's shipped version, as intake serves it.</summary>
    public static FrameworkDefinition Framework => ShippedDefinitions.Definition(MonthlyFramework.Id, "2026-01");

    public static readonly string FrameworkVersion = Framework.Version;

    public static Dictionary<string, decimal> Groups(decimal a, decimal b, decimal c, decimal d, decimal e) =>
        new() { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d, ["E"] = e };

    public static readonly ScoreboardLine LaoCai = new("lao-cai", "Tỉnh Lào Cai", 71m, "B", 2, 0m, Groups(16.3m, 20, 10, 10, 15));
    public static readonly ScoreboardLine ThanhHoa = new("thanh-hoa", "Tỉnh Thanh Hóa", 40m, "D", 3, 0m, Groups(20, 0, 20, 0, 0));
    public static readonly ScoreboardLine HaNoi = new("ha-noi", "Thành phố Hà Nội", 88.5m, "A", 1, 0m, Groups(12.25m, 20, 20, 20, 15));

    /// <summary>Out of rank order on purpose.</summary>
    public static readonly IReadOnlyList<ScoreboardLine> Lines = [ThanhHoa, LaoCai, HaNoi];

    /// <summary>Hà Giang reported nothing: not ranked, no total, class or groups ("chưa báo cáo").</summary>
    public static readonly ScoreboardLine HaGiang = new("ha-giang", "Tỉnh Hà Giang", null, null, null, 0m, new Dictionary<string, decimal>(), Reported: false);

    public static readonly IReadOnlyList<ScoreboardLine> LinesWithSilent = [HaGiang, ThanhHoa, LaoCai, HaNoi];

    public static ScoreboardRun Official(Guid id, int revision, string status) =>
        new(id, "2026-01", "provinces", "official", status, revision, new DateTimeOffset(2026, 2, 6, 3, revision, 0, TimeSpan.Zero), MonthlyFramework.Id, FrameworkVersion);

    public static ScoreboardRun Provisional(Guid id, int minute) =>
        new(id, "2026-01", "provinces", "provisional", "provisional", null, new DateTimeOffset(2026, 2, 5, 3, minute, 0, TimeSpan.Zero), MonthlyFramework.Id, FrameworkVersion);

    public static JsonElement? Json(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value);

    /// <summary>Lào Cai's explanation (steps as the engine writes them, decimals invariant).</summary>
    public static UnitWorking LaoCaiWorking() => new(Guid.NewGuid(), "lao-cai",
    [
        new("A1", "Nhiệm vụ hoàn thành đúng hạn", "A.onTime / (A.due + A.backlog) × max",
            ["A.onTime = 8", "A.due = 10", "A.backlog = 0", "A.onTime / (A.due + A.backlog) = 0.8"],
            // A.backlog not reported: the engine derived it from the previous month (0 here) and flagged the indicator.
            new Dictionary<string, JsonElement?> { ["A.onTime"] = Json(8), ["A.due"] = Json(10), ["A.backlog"] = null },
            null, null, 14.4m, 18m, ["derived"]),
        new("A2", "Nhiệm vụ quá hạn đã hoàn thành", "A.late / (A.due + A.backlog) × 0.5 × 18", ["A.late = 1"],
            new Dictionary<string, JsonElement?> { ["A.late"] = Json(1) }, null, null, 0.9m, 9m, []),
        new("A3", "Quy mô nhiệm vụ so với đơn vị cao nhất", "(A.due + A.backlog) / best × max", ["giá trị cao nhất nhóm = 20"],
            new Dictionary<string, JsonElement?> { ["A.due"] = Json(10), ["A.backlog"] = Json(0) }, 20m, "thanh-hoa", 1m, 2m, []),
        new("D2", "Giải ngân vốn KHCN, ĐMST, CĐS", "D2.rate × max", ["D2.rate = 0.5"],
            new Dictionary<string, JsonElement?> { ["D2.rate"] = Json(0.5m) }, null, null, 5m, 10m, []),
        new("E3", "Cập nhật Hệ thống 57", "E3.onTime ? E3.completion × max : 0", ["E3.onTime = 1"],
            new Dictionary<string, JsonElement?> { ["E3.onTime"] = Json(true), ["E3.completion"] = null }, null, null, 0m, 5m, ["missing"]),
    ]);
}
