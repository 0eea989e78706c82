using System.Globalization;

namespace Platform.LocalInfrastructure;

/// <summary>
/// One RabbitMQ node of its own on 127.0.0.1: its ports, node name (which names its data folder, so a stable AMQP port
/// keeps the data), Erlang cookie home and epmd, and the environment the Debian <c>rabbitmq-server</c> reads.
/// </summary>
public sealed record RabbitMqNode(string Directory, int Port, int DistPort, int EpmdPort, int? ManagementPort)
{
    public const string User = "guest";
    public const string Password = "guest";

    public string NodeName => $"platform{Port}@localhost";

    /// <summary>AMQPS port on 127.0.0.1, with <see cref="Tls"/>; null for none.</summary>
    public int? TlsPort { get; init; }

    public RabbitMqTlsOptions? Tls { get; init; }

    /// <summary>Plugins enabled besides management.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>Appended to <c>rabbitmq.conf</c>.</summary>
    public string? ExtraConfiguration { get; init; }

    /// <summary>The AMQP URI Aspire-style clients expect, for a virtual host (default <c>/</c>).</summary>
    public string ConnectionString(string virtualHost = "/") =>
        $"amqp://{User}:{Password}@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}";

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HOME"] = Path.Combine(Directory, "home"),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(Directory, "rabbitmq.pid"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Directory, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Directory, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins"),
    };

    /// <summary>Its folders and configuration files (listener, loopback guest, management plugin or none).</summary>
    public async Task WriteConfigurationAsync(CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "home"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "log"));
        var config = $"loopback_users = none\nlisteners.tcp.default = 127.0.0.1:{Port}\n";
        if (ManagementPort is { } management) config += $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {management}\n";
        if (Tls is { } tls && TlsPort is { } tlsPort)
        {
            // Clients prove who they are with a password; the certificate proves the broker to them.
            config += $"listeners.ssl.default = 127.0.0.1:{tlsPort}\n" +
                $"ssl_options.cacertfile = {tls.CaCertificateFile}\nssl_options.certfile = {tls.CertificateFile}\nssl_options.keyfile = {tls.KeyFile}\n" +
                "ssl_options.verify = verify_none\nssl_options.fail_if_no_peer_cert = false\n";
        }
        if (!string.IsNullOrWhiteSpace(ExtraConfiguration)) config += ExtraConfiguration.TrimEnd() + "\n";
        await File.WriteAllTextAsync(Path.Combine(Directory, "rabbitmq.conf"), config, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, "rabbitmq-env.conf"), "", cancellationToken);
        var plugins = (ManagementPort is null ? Plugins : ["rabbitmq_management", .. Plugins]).Distinct().ToList();
        await File.WriteAllTextAsync(Path.Combine(Directory, "enabled_plugins"), $"[{string.Join(",", plugins)}].", cancellationToken);
    }
}
