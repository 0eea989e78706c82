namespace Platform.Scoring.Tests.Cli;

/// <summary>Scoring-run inputs used by the CLI tests.</summary>
internal static class Inputs
{
    /// <summary>The input example of scoring-io.md, verbatim.</summary>
    public const string ScoringIoExample = """
        {
          "framework": "monthly-4585",
          "version": null,
          "period": "2026-01",
          "peerGroup": "provinces",
          "references": { "C1": 250000 },
          "units": [
            {
              "unit": "lao-cai",
              "values": {
                "A.due": 10, "A.backlog": 2, "A.onTime": 8, "A.late": 1,
                "B.B1": 17, "B.B2": 18.5, "B.B3": 20, "B.B4": 16, "B.B5": 12,
                "C1.records": 12000, "C2.transactions": 5400,
                "D1.accepted": 3, "D1.total": 12, "D2.rate": 0.41,
                "E1.attended": 2, "E1.held": 2, "E2.speeches": 1, "E2.reports": 0,
                "E3.onTime": true, "E3.completion": 1
              },
              "bonus": 0
            }
          ]
        }
        """;

    /// <summary>A monthly run of one unit "lao-cai" with the given values (a JSON object body).</summary>
    public static string Monthly(string values, string period = "2026-01") => $$"""
        { "framework": "monthly-4585", "period": "{{period}}", "peerGroup": "provinces",
          "units": [ { "unit": "lao-cai", "values": { {{values}} } } ] }
        """;

    /// <summary>
    /// Lào Cai and Thanh Hóa in January 2026 (the values of monthly scoring's hand-worked example): under 4585 Lào Cai 71
    /// (B, rank 1), Thanh Hóa 40 (D, rank 2).
    /// </summary>
    public const string TwoProvinces = """
        { "framework": "monthly-4585", "period": "2026-01", "peerGroup": "provinces",
          "units": [
            { "unit": "lao-cai", "values": {
                "A.due": 10, "A.backlog": 0, "A.onTime": 8, "A.late": 1,
                "B.B1": 18, "B.B2": 20, "B.B3": 22, "B.B4": 18, "B.B5": 22,
                "C1.records": 100, "C2.transactions": 50, "D1.accepted": 5, "D1.total": 10, "D2.rate": 0.5,
                "E1.attended": 2, "E1.held": 2, "E2.speeches": 0, "E2.reports": 1, "E3.onTime": true, "E3.completion": 1 } },
            { "unit": "thanh-hoa", "values": {
                "A.due": 20, "A.backlog": 0, "A.onTime": 20, "A.late": 0,
                "B.B1": 0, "B.B2": 0, "B.B3": 0, "B.B4": 0, "B.B5": 0,
                "C1.records": 200, "C2.transactions": 100, "D1.accepted": 0, "D1.total": 10, "D2.rate": 0,
                "E1.attended": 0, "E1.held": 1, "E2.speeches": 0, "E2.reports": 0, "E3.onTime": false, "E3.completion": 0 } }
          ] }
        """;
}
