using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Platform.Deploy.Tests.Compose;

/// <summary>
/// deploy/compose.yaml as a container engine would see it, without one: Debian's <c>docker-compose</c> (1.29, installed by
/// .ci/run) interpolates deploy/.env and resolves anchors and merges (<c>config</c>); the result is read with YamlDotNet.
/// </summary>
internal static partial class ComposeFiles
{
    public const string DockerCompose = "/usr/bin/docker-compose";

    /// <summary>The platform's own images, built from deploy/Dockerfile: compose service → PROJECT.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformServices = new Dictionary<string, string>
    {
        ["intake"] = "Intake",
        ["monthly-scoring"] = "MonthlyScoring",
        ["dx-index"] = "DxIndex",
        ["notifications"] = "Notifications",
        ["reporting"] = "Reporting",
        ["gateway"] = "Gateway",
        ["web"] = "Web",
    };

    /// <summary>The five services: compose service → configuration section (its Tenant key), database, login, AMQP user.</summary>
    public static readonly IReadOnlyList<(string Service, string Section, string Database, string Login, string AmqpUser)> Services =
    [
        ("intake", "Intake", "intakedb", "intake", "intake"),
        ("monthly-scoring", "MonthlyScoring", "monthlyscoringdb", "monthly_scoring", "monthly-scoring"),
        ("dx-index", "DxIndex", "dxindexdb", "dx_index", "dx-index"),
        ("notifications", "Notifications", "notificationsdb", "notifications", "notifications"),
        ("reporting", "Reporting", "reportingdb", "reporting", "reporting"),
    ];

    public static string ComposeFile => RepositoryFiles.Path("deploy", "compose.yaml");
    public static string ExampleEnvFile => RepositoryFiles.Path("deploy", ".env.example");
    public static string PreflightScript => RepositoryFiles.Path("deploy", "preflight.sh");

    /// <summary>compose.yaml's text without its comment lines (which may name files and variables as examples).</summary>
    public static string ComposeText() =>
        string.Join('\n', File.ReadAllLines(ComposeFile).Where(l => !l.TrimStart().StartsWith('#')));

    /// <summary>deploy/.env.example's variables in order, values as written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ExampleVariables() =>
        File.ReadAllLines(ExampleEnvFile)
            .Select(line => EnvLine().Match(line))
            .Where(m => m.Success)
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value))
            .ToList();

    /// <summary>
    /// The example with every CHANGE-ME replaced the way an operator would: a real-looking province, https addresses,
    /// and a different random secret for every password (so a value found in a service names its variable).
    /// </summary>
    public static Dictionary<string, string> FilledInExample()
    {
        var filled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ExampleVariables())
        {
            filled[name] = !value.Contains("CHANGE-ME", StringComparison.Ordinal) ? value : name switch
            {
                "PLATFORM_TENANT" => "lao-cai",
                "PLATFORM_PUBLIC_URL" => "https://nentang.laocai.gov.vn",
                "KEYCLOAK_PUBLIC_URL" => "https://sso.laocai.gov.vn",
                "SMTP_HOST" => "smtp.laocai.gov.vn",
                "SMTP_FROM" => "thongbao@laocai.gov.vn",
                _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            };
        }
        return filled;
    }

    public static string WriteEnvFile(IReadOnlyDictionary<string, string> variables)
    {
        var file = Path.Combine(Path.GetTempPath(), $"compose-{Guid.NewGuid():N}.env");
        File.WriteAllLines(file, variables.Select(v => $"{v.Key}={v.Value}"));
        return file;
    }

    /// <summary><c>docker-compose config</c> over deploy/compose.yaml with the given variables (nothing else from the environment).</summary>
    public static ProcessResult Config(IReadOnlyDictionary<string, string> variables)
    {
        // Installed with apt when missing and running as root (as for PostgreSQL and RabbitMQ); otherwise the message says how.
        Platform.LocalInfrastructure.DebianPackages.CommandAsync(DockerCompose, "docker-compose", _ => { }, CancellationToken.None).GetAwaiter().GetResult();
        var envFile = WriteEnvFile(variables);
        try
        {
            return Run(DockerCompose, ["--env-file", envFile, "-f", ComposeFile, "config"], new Dictionary<string, string>());
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    /// <summary>The interpolated compose model: root mapping of <c>config</c>'s output.</summary>
    public static Dictionary<object, object> Model(IReadOnlyDictionary<string, string> variables)
    {
        var result = Config(variables);
        Assert.True(result.ExitCode == 0, $"docker-compose config failed ({result.ExitCode}):\n{result.StandardError}");
        return (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(result.StandardOutput)!;
    }

    /// <summary>Runs deploy/preflight.sh with bash, only the given variables in its environment (and PATH).</summary>
    public static ProcessResult Preflight(IReadOnlyDictionary<string, string> environment, string? envFile = null) =>
        Run("bash", envFile is null ? [PreflightScript] : [PreflightScript, envFile], environment);

    public static ProcessResult Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var path = Environment.GetEnvironmentVariable("PATH");
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    public static Dictionary<object, object> Map(object? node) => node as Dictionary<object, object> ?? [];

    public static List<object> List(object? node) => node as List<object> ?? [];

    public static Dictionary<object, object> ServicesOf(Dictionary<object, object> model) => Map(model["services"]);

    public static Dictionary<string, string> EnvironmentOf(Dictionary<object, object> service) =>
        Map(service.GetValueOrDefault("environment")).ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "", StringComparer.Ordinal);

    /// <summary>A volume's source, whether compose wrote it short (<c>src:dst:ro</c>) or long (<c>source:</c>).</summary>
    public static string? VolumeSource(object volume) =>
        volume is string text ? text.Split(':')[0] : Map(volume).GetValueOrDefault("source")?.ToString();

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]*)=(.*)$")]
    private static partial Regex EnvLine();
}

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
