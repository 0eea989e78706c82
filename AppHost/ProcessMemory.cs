using System.Globalization;

namespace Platform.AppHost;

/// <summary>Resident memory of a process, from <c>/proc/&lt;pid&gt;/status</c> (VmRSS).</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS in kB, or null if the process is gone or not readable.</summary>
    public static long? ResidentKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is null) return null;
            var number = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(number, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process id written in the first line of a pid file (postmaster.pid, rabbitmq.pid).</summary>
    public static int? FromPidFile(string path)
    {
        try
        {
            var first = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(first?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Describe(long? kilobytes) =>
        kilobytes is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{kilobytes.Value / 1024.0:0.0} MB");
}
