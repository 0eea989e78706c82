using System.Globalization;
using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>A command line AppHost does not understand: Program prints the usage text and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Where PostgreSQL and RabbitMQ come from (<c>Infrastructure:Mode</c>, or <c>--infrastructure</c>).</summary>
internal enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, local processes otherwise.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and RabbitMQ containers and Keycloak's own image.</summary>
    Containers,

    /// <summary>Debian's PostgreSQL and RabbitMQ as local processes and the development identity provider.</summary>
    Processes,
}

/// <summary>
/// AppHost's own options, taken off the command line before Aspire reads the rest (<c>--publisher manifest</c>,
/// <c>--Section:Key=value</c>), and its settings from configuration. Everything is checked before anything starts.
/// </summary>
internal sealed record AppHostOptions
{
    public const string Usage = """
        Platform AppHost (.NET Aspire): PostgreSQL, RabbitMQ, the identity provider, the five services, the web
        application and the gateway on this machine, with Aspire's dashboard.

        Usage: dotnet run --project AppHost [-- options]

        Options:
          --smoke              start everything, wait until all is healthy, print status and timings, stop;
                               exit 0, or 1 with the reason
          --fresh              delete the data folder first (local databases and queues)
          --data-dir DIR       keep local PostgreSQL and RabbitMQ data in DIR (default: <repo>/.platform)
          --report-memory      print every process's resident memory (Aspire's own included) once idle
          --infrastructure M   auto (default), containers or processes
          --Section:Key=value  any configuration setting, e.g. --Gateway:Port=8080
          --publisher manifest --output-path DIR
                               write Aspire's manifest (aspire-manifest.json) of the chosen mode instead of running
          -h, --help           show this text

        Configuration (AppHost/appsettings.json, environment variables with __ for :, command line):
          Infrastructure:Mode           auto | containers | processes
          ConnectionStrings:postgres    an existing PostgreSQL server (Host=...;Port=...;Username=...;Password=...);
                                        each service's database name is put into it
          ConnectionStrings:messaging   an existing RabbitMQ (amqp://user:password@host:5672/vhost)
          Infrastructure:Postgres:Port, Infrastructure:RabbitMq:Port, Infrastructure:RabbitMq:ManagementPort,
          Gateway:Port                  fixed ports (default: remembered from the last run, or free ones;
                                        the gateway prefers 8080)
          AppHost:StartTimeout          how long to wait for all to be healthy (default 00:03:00)

        Exit codes: 0 done, 1 failed (the message names the cause and the fix), 2 bad command line.
        """;

    /// <summary>Aspire's own options that take a value (publishing the manifest).</summary>
    private static readonly HashSet<string> AspireOptions = new(StringComparer.Ordinal) { "--publisher", "--output-path", "--operation", "--step" };

    public bool Help { get; init; }
    public bool Smoke { get; init; }
    public bool Fresh { get; init; }
    public bool ReportMemory { get; init; }
    public InfrastructureMode Mode { get; init; }

    /// <summary>The folder holding Platform.sln.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Where local PostgreSQL (postgres/) and RabbitMQ (rabbitmq/) keep their data.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>What is left for Aspire: its own options and configuration settings.</summary>
    public required string[] AspireArgs { get; init; }

    /// <summary>Reads AppHost's own options off the command line; throws <see cref="UsageException"/>.</summary>
    public static AppHostOptions Parse(string[] args)
    {
        var rest = new List<string>();
        bool help = false, smoke = false, fresh = false, memory = false;
        string? dataDirectory = null, mode = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?": help = true; break;
                case "--smoke": smoke = true; break;
                case "--fresh": fresh = true; break;
                case "--report-memory": memory = true; break;
                case "--data-dir" or "--infrastructure":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"{arg} needs a value: {arg} VALUE");
                    if (arg == "--data-dir") dataDirectory = args[++i];
                    else mode = args[++i];
                    break;
                case var _ when arg.StartsWith("--data-dir=", StringComparison.Ordinal): dataDirectory = arg["--data-dir=".Length..]; break;
                case var _ when arg.StartsWith("--infrastructure=", StringComparison.Ordinal): mode = arg["--infrastructure=".Length..]; break;
                case var _ when AspireOptions.Contains(arg):
                    rest.Add(arg);
                    if (i + 1 < args.Length) rest.Add(args[++i]);
                    break;
                // A configuration setting: --Section:Key=value or --Section:Key value.
                case var _ when arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal):
                    rest.Add(arg);
                    if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) rest.Add(args[++i]);
                    break;
                default: throw new UsageException($"unknown option '{arg}'");
            }
        }
        if (dataDirectory is { Length: 0 }) throw new UsageException("--data-dir needs a folder: --data-dir DIR");
        var root = FindRepositoryRoot();
        return new AppHostOptions
        {
            Help = help,
            Smoke = smoke,
            Fresh = fresh,
            ReportMemory = memory,
            Mode = mode is null ? InfrastructureMode.Auto : ModeOf(mode, "--infrastructure"),
            RepositoryRoot = root,
            DataDirectory = Path.GetFullPath(dataDirectory ?? Path.Combine(root, ".platform")),
            // appsettings.json is read from the content root: AppHost's build output, wherever AppHost is started from.
            AspireArgs = rest.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? [.. rest] : ["--contentRoot", AppContext.BaseDirectory, .. rest],
        };
    }

    public static InfrastructureMode ModeOf(string value, string key) => value.Trim().ToLowerInvariant() switch
    {
        "" or "auto" => InfrastructureMode.Auto,
        "containers" => InfrastructureMode.Containers,
        "processes" => InfrastructureMode.Processes,
        _ => throw new UsageException($"{key} '{value}' is not a mode: use auto, containers or processes"),
    };

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InfrastructureException(
            $"No Platform.sln above {AppContext.BaseDirectory}, so the realm file and data folder cannot be found. Fix: run AppHost from its build output inside the repository (dotnet run --project AppHost).");
    }

    /// <summary>Started by Aspire's test harness (<c>DistributedApplicationTestingBuilder</c> randomises ports): free ports only, nothing for people to open.</summary>
    public static bool UnderTestHarness(IConfiguration configuration) => configuration.GetValue<bool>("DcpPublisher:RandomizePorts");

    /// <summary>A configured port, or null to choose one.</summary>
    public static int? Port(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
            return port == 0 ? null : port;
        throw new InfrastructureException($"{key}='{value}' is not a TCP port. Fix: use a number from 1 to 65535, or remove the setting to let a free port be chosen.");
    }

    /// <summary>ConnectionStrings:postgres checked (never repeated: it may hold a password); null when not given.</summary>
    public static string? ExistingPostgres(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("postgres")?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        const string Fix = "Fix: use the form Host=HOST;Port=5432;Username=USER;Password=PASSWORD (each service's database name is put into it), or remove the setting to start a local PostgreSQL.";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new InfrastructureException($"ConnectionStrings:postgres is not a valid PostgreSQL connection string ({ex.Message}). {Fix}", ex);
        }
        if (string.IsNullOrWhiteSpace(builder.Host)) throw new InfrastructureException($"ConnectionStrings:postgres names no Host. {Fix}");
        return builder.ConnectionString;
    }

    /// <summary>ConnectionStrings:messaging checked; null when not given.</summary>
    public static string? ExistingMessaging(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("messaging")?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" && !string.IsNullOrEmpty(uri.Host)) return value;
        throw new InfrastructureException(
            "ConnectionStrings:messaging is not an AMQP URI. Fix: use the form amqp://user:password@host:5672/vhost " +
            "(environment variable ConnectionStrings__messaging), or remove the setting to start a local RabbitMQ.");
    }
}
