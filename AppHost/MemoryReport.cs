using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// Resident memory (VmRSS) of every process of the platform, Aspire's own included: each resource's process tree (a
/// resource's pid from its state, with its children: RabbitMQ's shell and Erlang VM, PostgreSQL's backends), AppHost
/// itself, and DCP (the orchestrator AppHost started, which watches AppHost's pid).
/// </summary>
internal static class MemoryReport
{
    public static void Print(IEnumerable<ResourceEvent> resources)
    {
        var children = ChildrenByParent();
        Console.WriteLine("resident memory (VmRSS), idle:");
        long total = 0;
        foreach (var resource in resources.OrderBy(r => r.Resource.Name, StringComparer.Ordinal))
        {
            if (resource.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } value
                || !int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            var kb = TreeKilobytes(pid, children);
            total += kb;
            Console.WriteLine($"  {resource.Resource.Name,-28} {Mb(kb),8}  pid {pid}");
        }
        var own = TreeKilobytes(Environment.ProcessId, [], countChildren: false);
        Console.WriteLine($"  {"apphost (Aspire)",-28} {Mb(own),8}  pid {Environment.ProcessId}");
        total += own;
        foreach (var dcp in DcpProcesses())
        {
            var kb = TreeKilobytes(dcp, children, countChildren: false);
            total += kb;
            Console.WriteLine($"  {"dcp (Aspire) " + Name(dcp),-28} {Mb(kb),8}  pid {dcp}");
        }
        Console.WriteLine($"  {"total",-28} {Mb(total),8}");
    }

    private static string Mb(long kb) => (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static long TreeKilobytes(int pid, Dictionary<int, List<int>> children, bool countChildren = true)
    {
        long kb = Rss(pid);
        if (countChildren && children.TryGetValue(pid, out var list))
            foreach (var child in list) kb += TreeKilobytes(child, children);
        return kb;
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var map = new Dictionary<int, List<int>>();
        foreach (var pid in Pids())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (!map.TryGetValue(parent, out var list)) map[parent] = list = [];
                list.Add(pid);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }
        return map;
    }

    /// <summary>DCP's processes watching this AppHost (<c>--monitor &lt;pid&gt;</c>), and their children.</summary>
    private static IEnumerable<int> DcpProcesses()
    {
        var monitor = $"--monitor\0{Environment.ProcessId}\0";
        foreach (var pid in Pids())
        {
            string cmdline;
            try { cmdline = File.ReadAllText($"/proc/{pid}/cmdline"); }
            catch (IOException) { continue; }
            if (cmdline.Contains(monitor, StringComparison.Ordinal) || (Name(pid).StartsWith("dcp", StringComparison.Ordinal) && cmdline.Contains(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
                yield return pid;
        }
    }

    private static string Name(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return "?"; }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var p) ? p : 0).Where(p => p > 0);
}
