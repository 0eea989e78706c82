namespace Platform.Scoring.Tests.Cli;

/// <summary>scoring-io.md: <c>frameworks</c> lists id, version, max points and period type of every framework.</summary>
public sealed class FrameworksCommandTests
{
    [Theory]
    // id, version, max points, period type — frameworks.md §1–§4.
    [InlineData("monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "100", "month")]
    [InlineData("qd2244-annual", "2244/QĐ-TTg (13/10/2025)", "0", "year")]
    [InlineData("dti-province-405", "405/QĐ-BKHCN (03/4/2025)", "1000", "year")]
    [InlineData("nq57-self-2026", null, "100", "window")]
    public void Frameworks_lists_id_version_max_points_and_period_type(string id, string? version, string maxPoints, string periodType)
    {
        var outcome = CliRun.Frameworks();

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["id", "version", "maxPoints", "periodType"], lines[0].Split('\t')[..4]);
        var row = Assert.Single(lines.Skip(1).Select(l => l.Split('\t')), r => r[0] == id);
        if (version is not null) Assert.Equal(version, row[1]);
        else Assert.NotEqual("", row[1]);
        Assert.Equal(maxPoints, row[2]);
        Assert.Equal(periodType, row[3]);
    }

    [Fact]
    public void Frameworks_lists_the_four_frameworks_of_the_contract()
    {
        var ids = CliRun.Frameworks().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')[0]).Distinct();

        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"], ids);
    }
}
