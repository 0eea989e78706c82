using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Simulation;

/// <summary>How the side-by-side table is sorted: the official order, the simulated ranking, or the biggest change first.</summary>
public static class SimulationOrder
{
    public const string Official = "chinh-thuc";
    public const string Simulated = "mo-phong";
    public const string BiggestChange = "thay-doi";

    public static IReadOnlyList<(string Value, string Name)> Choices { get; } =
    [
        (Official, "Theo thứ hạng chính thức"),
        (Simulated, "Theo thứ hạng mô phỏng"),
        (BiggestChange, "Theo mức thay đổi lớn nhất"),
    ];

    public static string Of(string? value) => Choices.Any(c => c.Value == value) ? value! : Official;

    /// <summary>The units in <paramref name="order"/>; the answer's order (the baseline's ranking) breaks ties.</summary>
    public static IReadOnlyList<SimulatedUnit> Sort(IReadOnlyList<SimulatedUnit> units, string order)
    {
        var position = units.Select((u, i) => (u.Unit, i)).ToDictionary(x => x.Unit, x => x.i, StringComparer.Ordinal);
        return order switch
        {
            Simulated => [.. units.OrderBy(u => u.After.Rank ?? int.MaxValue).ThenBy(u => position[u.Unit])],
            BiggestChange => [.. units.OrderByDescending(u => Math.Abs(u.Delta ?? -1m))
                .ThenByDescending(u => Math.Abs((u.After.Rank ?? 0) - (u.Before.Rank ?? 0)))
                .ThenBy(u => position[u.Unit])],
            _ => units,
        };
    }
}
