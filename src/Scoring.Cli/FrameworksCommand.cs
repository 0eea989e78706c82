using System.Globalization;

namespace Platform.Scoring.Cli;

/// <summary>Lists the framework versions the engine knows: id, version, max points, period type.</summary>
internal static class FrameworksCommand
{
    public static int Run(TextWriter output)
    {
        output.WriteLine("id\tversion\tmaxPoints\tperiodType\teffectiveFrom\teffectiveTo");
        foreach (var f in FrameworkCatalog.Shipped().All.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal))
        {
            var d = f.Definition;
            output.WriteLine(string.Join('\t', d.Id, d.Version, d.MaxPoints.ToString(CultureInfo.InvariantCulture), d.PeriodType, d.EffectiveFrom, d.EffectiveTo ?? ""));
        }
        return 0;
    }
}
