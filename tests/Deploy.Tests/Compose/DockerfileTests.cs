using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Platform.Deploy.Tests.Compose.ComposeFiles;

namespace Platform.Deploy.Tests.Compose;

/// <summary>deploy/Dockerfile (the seven platform images) and deploy/tools/Dockerfile (compose's one-shot helpers), read as text.</summary>
public sealed partial class DockerfileTests
{
    /// <summary>Web projects under src/ that are development stand-ins, never deployed.</summary>
    private static readonly string[] DevelopmentOnly = ["IdentityProvider", "MailCatcher"];

    private sealed record Instruction(string Keyword, string Arguments);

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static List<Instruction> Instructions(params string[] path)
    {
        var instructions = new List<Instruction>();
        var current = "";
        foreach (var raw in File.ReadAllLines(RepositoryFiles.Path(path)))
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            var space = current.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(new Instruction(current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            current = "";
        }
        return instructions;
    }

    /// <summary>The instructions of the last stage: what the image is made of at run time.</summary>
    private static List<Instruction> RuntimeStage(params string[] path)
    {
        var all = Instructions(path);
        return all.Skip(all.FindLastIndex(i => i.Keyword == "FROM")).ToList();
    }

    [Fact]
    public void The_runtime_stage_is_the_aspnet_runtime_without_the_sdk()
    {
        var stage = RuntimeStage("deploy", "Dockerfile");

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", stage[0].Arguments, StringComparison.Ordinal);
        Assert.DoesNotContain(stage, i => i.Arguments.Contains("dotnet/sdk", StringComparison.Ordinal));
        Assert.Contains(stage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deploy/Dockerfile")]
    [InlineData("deploy/tools/Dockerfile")]
    public void The_image_runs_as_a_numeric_non_root_user(string dockerfile)
    {
        var stage = RuntimeStage(dockerfile.Split('/'));

        var user = Assert.Single(stage, i => i.Keyword == "USER").Arguments;
        Assert.Matches("^[0-9]+(:[0-9]+)?$", user);
        Assert.NotEqual("0", user.Split(':')[0]);
        // USER is the last word on who runs it: nothing after it switches back.
        Assert.Equal("USER", stage.Last(i => i.Keyword is "USER" or "RUN").Keyword);
    }

    [Fact]
    public void The_platform_image_checks_its_health_endpoint_without_curl()
    {
        var healthcheck = Assert.Single(RuntimeStage("deploy", "Dockerfile"), i => i.Keyword == "HEALTHCHECK").Arguments;

        Assert.Contains("/dev/tcp/127.0.0.1/8080", healthcheck, StringComparison.Ordinal);
        Assert.Contains("GET /health HTTP/1.1", healthcheck, StringComparison.Ordinal);
        Assert.DoesNotContain("curl", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_folder_parent_belongs_to_the_app_user_but_the_key_folder_itself_is_not_baked_in()
    {
        // With a volume on /home/app/.aspnet the keys persist; without one, on a read-only root, ASP.NET cannot create
        // DataProtection-Keys and keeps keys in memory. A folder baked into the image but unwritable would make every
        // protect call fail instead.
        var runs = string.Join('\n', RuntimeStage("deploy", "Dockerfile").Where(i => i.Keyword == "RUN").Select(i => i.Arguments));

        Assert.Contains("mkdir -p /home/app/.aspnet", runs, StringComparison.Ordinal);
        Assert.Contains("chown 1654:1654 /home/app/.aspnet", runs, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection-Keys", runs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deploy/Dockerfile")]
    [InlineData("deploy/tools/Dockerfile")]
    public void Nothing_is_downloaded_with_ADD_and_no_secret_is_a_build_argument_or_environment_variable(string dockerfile)
    {
        var instructions = Instructions(dockerfile.Split('/'));

        Assert.DoesNotContain(instructions, i => i.Keyword == "ADD" && HttpSource().IsMatch(i.Arguments));
        Assert.DoesNotContain(instructions, i => i.Keyword is "ARG" or "ENV" && SecretName().IsMatch(i.Arguments));
    }

    [Fact]
    public void Compose_builds_every_deployable_web_project_under_src_and_nothing_else()
    {
        var deployable = Directory.GetDirectories(RepositoryFiles.Path("src"))
            .Select(d => Path.GetFileName(d))
            .Where(name => File.Exists(RepositoryFiles.Path("src", name, $"{name}.csproj"))
                && XDocument.Load(RepositoryFiles.Path("src", name, $"{name}.csproj")).Root?.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web")
            .Except(DevelopmentOnly)
            .Order()
            .ToList();

        // The PROJECT build arguments as written in compose.yaml (every build of deploy/Dockerfile names one).
        var compose = ComposeText();
        var projects = ProjectArgument().Matches(compose).Select(m => m.Groups[1].Value).Order().ToList();

        Assert.Equal(deployable, projects);
        Assert.Equal(PlatformServices.Values.Order(), projects);
        Assert.Equal(projects.Count, DockerfileBuild().Count(compose));
    }

    [Fact]
    public void The_build_context_leaves_out_deploy_tests_and_docs_so_no_realm_or_env_file_reaches_an_image()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.Path("deploy", "Dockerfile.dockerignore")).Select(l => l.Trim()).ToList();

        Assert.Contains("deploy/", ignored);
        Assert.Contains("tests/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.DoesNotContain(Instructions("deploy", "Dockerfile"), i => i.Keyword == "COPY" && i.Arguments.Contains("deploy", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(^|\s)https?://")]
    private static partial Regex HttpSource();

    [GeneratedRegex(@"(PASSWORD|SECRET|TOKEN|API_?KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\s+PROJECT:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectArgument();

    [GeneratedRegex(@"^\s+dockerfile:\s*deploy/Dockerfile\s*$", RegexOptions.Multiline)]
    private static partial Regex DockerfileBuild();
}
