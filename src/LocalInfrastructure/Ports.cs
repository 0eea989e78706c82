using System.Net;
using System.Net.Sockets;

namespace Platform.LocalInfrastructure;

public static class Ports
{
    private const int LowestChosen = 10000;

    /// <summary>
    /// A TCP port on the loopback interface that is free right now, chosen at random below the kernel's ephemeral range
    /// (<c>net.ipv4.ip_local_port_range</c>): a port the kernel hands out for port 0 — to an outgoing connection, to
    /// DCP's proxies, to another test's listener — could be taken again between now and the moment a server binds it
    /// (RabbitMQ then stops with <c>eaddrinuse</c>); below that range only another such choice can collide.
    /// </summary>
    public static int GetFree()
    {
        var ephemeralStart = EphemeralRangeStart();
        if (ephemeralStart - LowestChosen >= 1000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(LowestChosen, ephemeralStart);
                if (IsFree(port)) return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 32768;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 32768;
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The configured port if it is free, a free one if none is configured; a taken configured port is an error naming the setting.</summary>
    public static int Choose(int? configured, string setting)
    {
        if (configured is null or 0) return GetFree();
        if (configured is < 1 or > 65535)
        {
            throw new InfrastructureException($"{setting}={configured} is not a TCP port. Fix: use a number from 1 to 65535, or remove the setting to let a free port be chosen.");
        }
        if (!IsFree(configured.Value))
        {
            throw new InfrastructureException($"Port {configured} ({setting}) is already in use by another program. Fix: stop that program, or choose another port in {setting} (or remove it to let a free port be chosen).");
        }
        return configured.Value;
    }

    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
