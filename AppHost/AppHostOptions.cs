using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>A command line AppHost does not understand: Program prints the usage text and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// What to run and how, from the command line and configuration (AppHost/appsettings.json, then
/// environment variables, then <c>--Section:Key=value</c> on the command line). Everything is checked
/// here, before anything starts, so bad input ends with one message and nothing left running.
/// </summary>
internal sealed record AppHostOptions
{
    public const string Usage = """
        Platform AppHost: starts PostgreSQL, RabbitMQ, the five services and the gateway on this machine.

        Usage: dotnet run --project AppHost [-- options]

        Options:
          --smoke              start everything, wait until all is healthy, print status, timings and
                               memory, stop everything; exit 0, or 1 with the reason
          --fresh              delete the data folder first (local databases and queues)
          --data-dir DIR       keep local PostgreSQL and RabbitMQ data in DIR (default: <repo>/.platform)
          --report-memory      print each process's resident memory after 10 s of being idle
          --Section:Key=value  any configuration setting, e.g. --Gateway:Port=8080
          -h, --help           show this text

        Configuration (AppHost/appsettings.json, environment variables with __ for :, command line):
          ConnectionStrings:postgres    an existing PostgreSQL server (Host=...;Port=...;Username=...;Password=...);
                                        each service's database name is put into it
          ConnectionStrings:messaging   an existing RabbitMQ (amqp://user:password@host:5672/vhost)
          Infrastructure:Postgres:Port, Infrastructure:RabbitMq:Port, Infrastructure:RabbitMq:ManagementPort,
          Gateway:Port                  fixed ports (default: remembered from the last run, or free ones;
                                        the gateway prefers 8080)
          OTEL_EXPORTER_OTLP_ENDPOINT   passed on to every service when set

        Exit codes: 0 done, 1 failed (the message names the cause and the fix), 2 bad command line,
        130 interrupted during start-up.
        """;

    /// <summary>Marks every process of one run (children inherit it), so leftovers can be found.</summary>
    public const string RunIdVariable = "PLATFORM_APPHOST_RUN";

    public bool Help { get; init; }
    public bool Smoke { get; init; }
    public bool Fresh { get; init; }
    public bool ReportMemory { get; init; }

    /// <summary>The folder holding Platform.sln.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Build configuration of AppHost itself (Debug or Release); services are run from the same one.</summary>
    public required string BuildConfiguration { get; init; }

    /// <summary>Where local PostgreSQL (postgres/) and RabbitMQ (rabbitmq/) keep their data.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>ASPNETCORE_ENVIRONMENT for the services: AppHost's own environment, Development by default.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>DOTNET_ENVIRONMENT, passed on only when AppHost was given one.</summary>
    public string? DotnetEnvironment { get; init; }

    /// <summary>Passed on only when configured: with nothing listening the exporter slows every shutdown.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>An existing PostgreSQL server; null starts a local one.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>An existing RabbitMQ; null starts a local one.</summary>
    public string? MessagingConnectionString { get; init; }

    public int? PostgresPort { get; init; }
    public int? RabbitMqPort { get; init; }
    public int? RabbitMqManagementPort { get; init; }
    public int? GatewayPort { get; init; }

    public required string RunId { get; init; }

    /// <summary>Reads the command line and configuration; throws <see cref="UsageException"/> or <see cref="InfrastructureException"/>.</summary>
    public static AppHostOptions Load(string[] args)
    {
        var (flags, dataDirectory, settings) = ParseCommandLine(args);
        if (flags.Contains("--help")) return Empty with { Help = true };

        var environmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Development";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environmentName}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();

        var root = FindRepositoryRoot();
        return new AppHostOptions
        {
            Smoke = flags.Contains("--smoke"),
            Fresh = flags.Contains("--fresh"),
            ReportMemory = flags.Contains("--report-memory"),
            RepositoryRoot = root,
            BuildConfiguration = typeof(AppHostOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
            DataDirectory = Path.GetFullPath(dataDirectory ?? Path.Combine(root, ".platform")),
            EnvironmentName = environmentName,
            DotnetEnvironment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
            OtlpEndpoint = NullIfBlank(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            PostgresConnectionString = CheckPostgres(NullIfBlank(configuration.GetConnectionString("postgres"))),
            MessagingConnectionString = CheckMessaging(NullIfBlank(configuration.GetConnectionString("messaging"))),
            PostgresPort = Port(configuration, "Infrastructure:Postgres:Port"),
            RabbitMqPort = Port(configuration, "Infrastructure:RabbitMq:Port"),
            RabbitMqManagementPort = Port(configuration, "Infrastructure:RabbitMq:ManagementPort"),
            GatewayPort = Port(configuration, "Gateway:Port"),
            RunId = NullIfBlank(Environment.GetEnvironmentVariable(RunIdVariable)) ?? Guid.NewGuid().ToString("N"),
        };
    }

    private static AppHostOptions Empty => new()
    {
        RepositoryRoot = "",
        BuildConfiguration = "",
        DataDirectory = "",
        EnvironmentName = "",
        RunId = "",
    };

    private static (HashSet<string> Flags, string? DataDirectory, Dictionary<string, string?> Settings) ParseCommandLine(string[] args)
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string? dataDirectory = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    flags.Add("--help");
                    break;
                case "--smoke" or "--fresh" or "--report-memory":
                    flags.Add(arg);
                    break;
                case "--data-dir":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException("--data-dir needs a folder: --data-dir DIR");
                    }
                    dataDirectory = args[++i];
                    break;
                case var _ when arg.StartsWith("--data-dir=", StringComparison.Ordinal):
                    dataDirectory = arg["--data-dir=".Length..];
                    break;
                case var _ when arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains("__", StringComparison.Ordinal)):
                    // A configuration setting: --Section:Key=value or --Section:Key value.
                    var equals = arg.IndexOf('=', StringComparison.Ordinal);
                    var key = (equals < 0 ? arg[2..] : arg[2..equals]).Replace("__", ":", StringComparison.Ordinal);
                    if (equals >= 0) settings[key] = arg[(equals + 1)..];
                    else if (i + 1 < args.Length) settings[key] = args[++i];
                    else throw new UsageException($"{arg} needs a value: {arg}=VALUE");
                    break;
                default:
                    throw new UsageException($"unknown option '{arg}'");
            }
        }
        if (dataDirectory is { Length: 0 }) throw new UsageException("--data-dir needs a folder: --data-dir DIR");
        return (flags, dataDirectory, settings);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InfrastructureException(
            $"No Platform.sln above {AppContext.BaseDirectory}, so the services cannot be found. Fix: run AppHost from its build output inside the repository (dotnet run --project AppHost).");
    }

    private static int? Port(IConfiguration configuration, string key)
    {
        var value = NullIfBlank(configuration[key]);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
        {
            return port == 0 ? null : port;
        }
        throw new InfrastructureException($"{key}='{value}' is not a TCP port. Fix: use a number from 1 to 65535, or remove the setting to let a free port be chosen.");
    }

    private static string? CheckPostgres(string? value)
    {
        if (value is null) return null;
        const string Fix = "Fix: use the form Host=HOST;Port=5432;Username=USER;Password=PASSWORD (each service's database name is put into it), or remove the setting to start a local PostgreSQL.";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception ex)
        {
            throw new InfrastructureException($"ConnectionStrings:postgres is not a valid PostgreSQL connection string ({ex.Message}). {Fix}", ex);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new InfrastructureException($"ConnectionStrings:postgres names no Host. {Fix}");
        }
        return builder.ConnectionString;
    }

    private static string? CheckMessaging(string? value)
    {
        if (value is null) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" && !string.IsNullOrEmpty(uri.Host))
        {
            return value;
        }
        // The value is not repeated: it may hold a password.
        throw new InfrastructureException(
            "ConnectionStrings:messaging is not an AMQP URI. Fix: use the form amqp://user:password@host:5672/vhost " +
            "(environment variable ConnectionStrings__messaging), or remove the setting to start a local RabbitMQ.");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
