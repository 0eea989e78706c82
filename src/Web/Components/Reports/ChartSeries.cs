namespace Platform.Web.Components.Reports;

/// <summary>One line of <see cref="LineChart"/>: its name and one value per label (null = no value that month: a gap, never 0).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Emphasis = false);

/// <summary>One part of a stacked bar of <see cref="StackedBarChart"/>: its name, css class, one count per label.</summary>
public sealed record ChartStack(string Name, string CssClass, IReadOnlyList<int> Values);

/// <summary>Where the charts' values sit on the SVG canvas (viewBox 0 0 <see cref="Width"/> <see cref="Height"/>).</summary>
public static class ChartGeometry
{
    public const int Width = 640;
    public const int Height = 280;
    public const int Left = 48;
    public const int Right = 16;
    public const int Top = 12;
    public const int Bottom = 40;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <summary>The x of label <paramref name="index"/> of <paramref name="count"/>, in the middle of its slot.</summary>
    public static double X(int index, int count) => Left + PlotWidth * (index + 0.5) / Math.Max(1, count);

    public static double Y(decimal value, decimal max) => Top + PlotHeight * (1 - (double)(max <= 0 ? 0 : Math.Clamp(value / max, 0, 1)));

    /// <summary>A round top for the axis: 10, 20, 25, 50, 100… at least <paramref name="value"/>.</summary>
    public static decimal NiceMax(decimal value)
    {
        if (value <= 0) return 1;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    public static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
