using System.Text.Json;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>
/// Ports of the local servers from the last run, kept in <c>&lt;data&gt;/ports.json</c>, so connection
/// strings and the management URL stay the same between runs. RabbitMQ needs this to keep its data:
/// its node name, and with it the folder of its queues, contains the AMQP port.
/// </summary>
internal sealed class RememberedPorts
{
    private const string FileName = "ports.json";
    private readonly string _file;
    private readonly Dictionary<string, int> _ports;

    private RememberedPorts(string file, Dictionary<string, int> ports)
    {
        _file = file;
        _ports = ports;
    }

    public static RememberedPorts Load(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        Dictionary<string, int>? ports = null;
        try
        {
            if (File.Exists(file)) ports = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            // A damaged file only costs the remembered ports.
        }
        return new RememberedPorts(file, ports ?? []);
    }

    /// <summary>The port used last time under this name, if it is free now.</summary>
    public int? FreeOrNull(string name) =>
        _ports.TryGetValue(name, out var port) && port is > 0 and <= 65535 && Ports.IsFree(port) ? port : null;

    public void Set(string name, int? port)
    {
        if (port is not null) _ports[name] = port.Value;
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, JsonSerializer.Serialize(_ports));
    }
}
