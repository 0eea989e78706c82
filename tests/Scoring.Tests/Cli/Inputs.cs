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
}
