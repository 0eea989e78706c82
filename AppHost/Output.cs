namespace Platform.AppHost;

/// <summary>
/// Every line on the console starts with the resource it comes from, padded so columns line up:
/// <c>[intake         ] ...</c>; AppHost's own lines come from <c>[apphost        ]</c>.
/// </summary>
internal static class Output
{
    /// <summary>Width of the longest resource name (monthly-scoring).</summary>
    public const int NameWidth = 15;

    private static readonly Lock Gate = new();

    public static void Line(string resource, string text)
    {
        lock (Gate) Console.Out.WriteLine($"[{resource,-NameWidth}] {text}");
    }

    public static void AppHost(string text) => Line(Resources.AppHost, text);

    /// <summary>Several lines of AppHost's that must not be interleaved with the services' output (a table).</summary>
    public static void AppHost(IEnumerable<string> lines)
    {
        lock (Gate)
        {
            foreach (var line in lines) Console.Out.WriteLine($"[{Resources.AppHost,-NameWidth}] {line}");
        }
    }

    /// <summary>The one message that ends a failed run: cause and fix.</summary>
    public static void Error(string text)
    {
        lock (Gate) Console.Error.WriteLine($"[{Resources.AppHost,-NameWidth}] error: {text}");
    }
}
