using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// Memory of every process of the platform once idle, Aspire's own included: each resource's process tree (a
/// resource's pid from its state, with its children: RabbitMQ's shell and Erlang VM, PostgreSQL's backends; for a
/// project the <c>dotnet run</c> wrapper Aspire starts it through is shown apart from the service), AppHost itself, and
/// DCP (its API server, controllers and one monitor per process). Two figures: resident (VmRSS, shared pages counted
/// in every process) and proportional (Pss, shared pages divided among their users: the totals add up).
/// </summary>
internal static class MemoryReport
{
    private readonly record struct Memory(long RssKb, long PssKb)
    {
        public static Memory operator +(Memory a, Memory b) => new(a.RssKb + b.RssKb, a.PssKb + b.PssKb);
    }

    public static void Print(IEnumerable<ResourceEvent> resources)
    {
        var children = ChildrenByParent();
        Console.WriteLine($"memory once idle (MB)                       {"RSS",8} {"PSS",8}");
        Memory total = default;
        void Line(string name, Memory memory, string note)
        {
            total += memory;
            Console.WriteLine($"  {name,-40} {Mb(memory.RssKb),8} {Mb(memory.PssKb),8}  {note}");
        }
        foreach (var resource in resources.OrderBy(r => r.Resource.Name, StringComparer.Ordinal))
        {
            if (resource.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } value
                || !int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (CommandLine(pid).StartsWith("dotnet\0run\0", StringComparison.Ordinal) && children.TryGetValue(pid, out var service))
            {
                Line(resource.Resource.Name, service.Aggregate(default(Memory), (sum, child) => sum + Tree(child, children)), $"pid {string.Join(',', service)}");
                Line($"  its `dotnet run` wrapper", Of(pid), $"pid {pid}");
            }
            else
            {
                Line(resource.Resource.Name, Tree(pid, children), $"pid {pid}");
            }
        }
        Line("apphost (Aspire hosting)", Of(Environment.ProcessId), $"pid {Environment.ProcessId}");
        var dcp = DcpProcesses(children).ToList();
        Line("dcp (Aspire orchestrator)", dcp.Aggregate(default(Memory), (sum, pid) => sum + Of(pid)), $"{dcp.Count} processes");
        Console.WriteLine($"  {"total",-40} {Mb(total.RssKb),8} {Mb(total.PssKb),8}");
    }

    private static string Mb(long kb) => (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static Memory Tree(int pid, Dictionary<int, List<int>> children) =>
        children.TryGetValue(pid, out var list) ? list.Aggregate(Of(pid), (sum, child) => sum + Tree(child, children)) : Of(pid);

    private static Memory Of(int pid) => new(Field($"/proc/{pid}/status", "VmRSS:"), Field($"/proc/{pid}/smaps_rollup", "Pss:"));

    private static long Field(string file, string name)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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

    /// <summary>DCP's API server (it watches AppHost: <c>--monitor &lt;pid&gt;</c>) and every <c>dcp</c> process below it.</summary>
    private static IEnumerable<int> DcpProcesses(Dictionary<int, List<int>> children)
    {
        var monitor = $"--monitor\0{Environment.ProcessId}\0";
        var servers = Pids().Where(pid => Name(pid) == "dcp" && CommandLine(pid).Contains(monitor, StringComparison.Ordinal));
        var pending = new Stack<int>(servers);
        while (pending.TryPop(out var pid))
        {
            if (Name(pid) != "dcp") continue;
            yield return pid;
            foreach (var child in children.GetValueOrDefault(pid) ?? []) pending.Push(child);
        }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline"); }
        catch (IOException) { return ""; }
    }

    private static string Name(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return "?"; }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var p) ? p : 0).Where(p => p > 0);
}
