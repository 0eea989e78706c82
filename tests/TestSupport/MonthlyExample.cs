namespace Platform.TestSupport;

/// <summary>
/// Two provinces' January values for monthly-4585, worked out by hand in MonthlyScoring.Tests (Runs/ScoreRunTests):
/// Lào Cai 71 (B), Thanh Hóa 40 (D). Shared by the tests that need a small published month (monthly scoring, backup).
/// </summary>
public static class MonthlyExample
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Provinces = new Dictionary<string, IReadOnlyDictionary<string, object>>
    {
        ["lao-cai"] = new Dictionary<string, object>
        {
            ["A.due"] = 10, ["A.backlog"] = 0, ["A.onTime"] = 8, ["A.late"] = 1,
            ["B.B1"] = 18, ["B.B2"] = 20, ["B.B3"] = 22, ["B.B4"] = 18, ["B.B5"] = 22,
            ["C1.records"] = 100, ["C2.transactions"] = 50, ["D1.accepted"] = 5, ["D1.total"] = 10, ["D2.rate"] = 0.5,
            ["E1.attended"] = 2, ["E1.held"] = 2, ["E2.speeches"] = 0, ["E2.reports"] = 1, ["E3.onTime"] = true, ["E3.completion"] = 1,
        },
        ["thanh-hoa"] = new Dictionary<string, object>
        {
            ["A.due"] = 20, ["A.backlog"] = 0, ["A.onTime"] = 20, ["A.late"] = 0,
            ["B.B1"] = 0, ["B.B2"] = 0, ["B.B3"] = 0, ["B.B4"] = 0, ["B.B5"] = 0,
            ["C1.records"] = 200, ["C2.transactions"] = 100, ["D1.accepted"] = 0, ["D1.total"] = 10, ["D2.rate"] = 0,
            ["E1.attended"] = 0, ["E1.held"] = 1, ["E2.speeches"] = 0, ["E2.reports"] = 0, ["E3.onTime"] = false, ["E3.completion"] = 0,
        },
    };
}
