using YamlDotNet.RepresentationModel;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// The development realm (<c>deploy/keycloak/platform-realm.json</c>: demo users with a published password, development
/// secrets) stays where the development identity provider and AppHost read it and never reaches a deployment: no
/// compose file, Kubernetes manifest, Dockerfile or script under <c>deploy/</c> mounts, copies or names it or its folder.
/// Compose's Keycloak runs in production mode on the production realm with the variables it reads.
/// </summary>
public sealed class DevelopmentRealmNeverDeployedTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("deploy-realm-").FullName;

    /// <summary>A scratch copy of <c>deploy/</c>, named so, so that paths written from the repository root resolve too.</summary>
    private string DeployDirectory => Path.Combine(_scratch, "deploy");

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void No_deployment_file_mounts_copies_or_names_the_development_realm()
    {
        var problems = DevelopmentRealmReferences.Find(RepositoryFiles.Path("deploy"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A scratch <c>deploy/</c> with both realm files and one deployment file.</summary>
    private List<string> FindWith(string relativePath, string content)
    {
        Directory.CreateDirectory(Path.Combine(DeployDirectory, "keycloak", "production"));
        File.WriteAllText(Path.Combine(DeployDirectory, "keycloak", "platform-realm.json"), RepositoryFiles.Read(RealmFiles.DevelopmentPath));
        File.WriteAllText(Path.Combine(DeployDirectory, "keycloak", "production", "platform-realm.json"), RepositoryFiles.Read(RealmFiles.ProductionPath));
        var file = Path.Combine(DeployDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return DevelopmentRealmReferences.Find(DeployDirectory);
    }

    private const string ComposeKeycloak = """
        services:
          keycloak:
            image: quay.io/keycloak/keycloak:26.4
            command: ["start", "--import-realm"]
            volumes:
              - {0}
        """;

    [Theory]
    [InlineData("./keycloak:/opt/keycloak/data/import:ro")]
    [InlineData("./keycloak/:/opt/keycloak/data/import")]
    [InlineData("./keycloak/platform-realm.json:/opt/keycloak/data/import/platform-realm.json:ro")]
    [InlineData("{ type: bind, source: ./keycloak, target: /opt/keycloak/data/import, read_only: true }")]
    public void A_compose_file_mounting_the_development_realm_or_its_folder_is_caught(string volume)
    {
        Assert.NotEmpty(FindWith("compose.yaml", ComposeKeycloak.Replace("{0}", volume)));
    }

    [Theory]
    [InlineData("./keycloak/production:/opt/keycloak/data/import:ro")]
    [InlineData("./keycloak/production/platform-realm.json:/opt/keycloak/data/import/platform-realm.json:ro")]
    [InlineData("{ type: bind, source: ./keycloak/production, target: /opt/keycloak/data/import, read_only: true }")]
    public void A_compose_file_mounting_the_production_realm_passes(string volume)
    {
        var problems = FindWith("compose.yaml", ComposeKeycloak.Replace("{0}", volume));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_compose_config_taken_from_the_development_realm_is_caught()
    {
        Assert.NotEmpty(FindWith("compose.yaml", """
            services:
              keycloak:
                image: quay.io/keycloak/keycloak:26.4
                configs: [realm]
            configs:
              realm:
                file: ./keycloak/platform-realm.json
            """));
    }

    [Theory]
    [InlineData("kubernetes/base/kustomization.yaml", "configMapGenerator:\n  - name: keycloak-realm\n    files:\n      - ../../keycloak/platform-realm.json\n")]
    [InlineData("kubernetes/base/kustomization.yaml", "configMapGenerator:\n  - name: keycloak-realm\n    files:\n      - platform-realm.json=../../keycloak/platform-realm.json\n")]
    [InlineData("kubernetes/overlays/lao-cai/kustomization.yaml", "resources:\n  - ../../../keycloak\n")]
    [InlineData("kubernetes/base/keycloak-realm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  platform-realm.json: |\n    {\"clients\": [{\"secret\": \"dev-only-platform-web-secret\"}]}\n")]
    [InlineData("Dockerfile.keycloak", "FROM quay.io/keycloak/keycloak:26.4\nCOPY deploy/keycloak/platform-realm.json /opt/keycloak/data/import/\n")]
    [InlineData("keycloak/import.sh", "cp ../keycloak/platform-realm.json /opt/keycloak/data/import/\n")]
    public void A_kubernetes_manifest_dockerfile_or_script_bringing_the_development_realm_is_caught(string file, string content)
    {
        Assert.NotEmpty(FindWith(file, content));
    }

    [Theory]
    [InlineData("kubernetes/base/kustomization.yaml", "configMapGenerator:\n  - name: keycloak-realm\n    files:\n      - ../../keycloak/production/platform-realm.json\n")]
    [InlineData("Dockerfile.keycloak", "FROM quay.io/keycloak/keycloak:26.4\nCOPY deploy/keycloak/production/platform-realm.json /opt/keycloak/data/import/\n")]
    [InlineData("README.md", "Never import deploy/keycloak/platform-realm.json (dev-only-123) into production.\n")]
    [InlineData("keycloak/production/kustomization.yaml", "# Only this file: the development realm (../platform-realm.json) is never packaged.\nconfigMapGenerator:\n  - name: keycloak-realm\n    files:\n      - platform-realm.json\n")]
    [InlineData("compose.yaml", "services:\n  keycloak:\n    image: quay.io/keycloak/keycloak:26.4\n    # Never the development realm (deploy/keycloak/platform-realm.json).\n    volumes:\n      - ./keycloak/production:/opt/keycloak/data/import:ro  # not ./keycloak\n")]
    public void Files_bringing_only_the_production_realm_and_prose_pass(string file, string content)
    {
        var problems = FindWith(file, content);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Compose_runs_keycloak_in_production_mode_on_the_production_realm_with_the_variables_it_reads()
    {
        var problems = ComposeKeycloakProblems(RepositoryFiles.Path("deploy", "compose.yaml"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_compose_keycloak_in_development_mode_or_without_the_realm_variables_is_caught()
    {
        FindWith("compose.yaml", ComposeKeycloak.Replace("{0}", "./keycloak/production:/opt/keycloak/data/import:ro"));
        var problems = ComposeKeycloakProblems(Path.Combine(DeployDirectory, "compose.yaml"));

        Assert.Contains(problems, p => p.Contains("PLATFORM_WEB_CLIENT_SECRET", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(DeployDirectory, "compose.yaml"), """
            services:
              keycloak:
                image: quay.io/keycloak/keycloak:26.4
                command: ["start-dev", "--import-realm"]
                environment:
                  PLATFORM_PUBLIC_URL: ${PLATFORM_PUBLIC_URL}
                  PLATFORM_WEB_CLIENT_SECRET: ${PLATFORM_WEB_CLIENT_SECRET}
                  HE_THONG_57_CLIENT_SECRET: ${HE_THONG_57_CLIENT_SECRET}
                volumes:
                  - ./keycloak/production:/opt/keycloak/data/import:ro
            """);
        Assert.Contains(problems = ComposeKeycloakProblems(Path.Combine(DeployDirectory, "compose.yaml")), p => p.Contains("start-dev", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(DeployDirectory, "compose.yaml"), """
            services:
              keycloak:
                image: quay.io/keycloak/keycloak:26.4
                command: ["start", "--import-realm"]
                environment:
                  - PLATFORM_PUBLIC_URL=${PLATFORM_PUBLIC_URL}
                  - PLATFORM_WEB_CLIENT_SECRET=${PLATFORM_WEB_CLIENT_SECRET}
                  - HE_THONG_57_CLIENT_SECRET=${HE_THONG_57_CLIENT_SECRET}
                volumes:
                  - ./keycloak/production:/opt/keycloak/data/import:ro
            """);
        problems = ComposeKeycloakProblems(Path.Combine(DeployDirectory, "compose.yaml"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The compose service running Keycloak's image: <c>start</c> (not <c>start-dev</c>) with <c>--import-realm</c>, an
    /// import folder that is the production realm's, and every variable the realm reads in its environment (an unset
    /// one would be imported as the literal <c>${NAME}</c>).
    /// </summary>
    public static List<string> ComposeKeycloakProblems(string composeFile)
    {
        var found = new List<string>();
        var yaml = new YamlStream();
        using (var reader = new StreamReader(composeFile)) yaml.Load(reader);
        var services = DevelopmentRealmReferences.Child((YamlMappingNode)yaml.Documents[0].RootNode, "services") as YamlMappingNode;
        var keycloak = services?.Children.Where(s => s.Value is YamlMappingNode m
                && DevelopmentRealmReferences.Child(m, "image") is YamlScalarNode { Value: { } image } && (image.Contains("keycloak/keycloak", StringComparison.Ordinal) || image.StartsWith("platform/keycloak:", StringComparison.Ordinal)))
            .Select(s => (Name: ((YamlScalarNode)s.Key).Value!, Body: (YamlMappingNode)s.Value)).ToList() ?? [];
        if (keycloak.Count != 1) return [$"expected one service with Keycloak's image, found {keycloak.Count}"];
        var (name, body) = keycloak[0];

        var command = DevelopmentRealmReferences.Child(body, "command") switch
        {
            YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(c => c.Value!).ToList(),
            YamlScalarNode s => s.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
            _ => [],
        };
        if (command.Contains("start-dev")) found.Add($"service '{name}' runs start-dev (development mode)");
        if (!command.Contains("start")) found.Add($"service '{name}' does not run 'start'");
        if (!command.Contains("--import-realm")) found.Add($"service '{name}' does not import the realm (--import-realm)");

        var directory = Path.GetDirectoryName(composeFile)!;
        var production = Path.GetFullPath(Path.Combine(directory, "keycloak", "production"));
        var imports = DevelopmentRealmReferences.ComposeSources(composeFile).Where(s => s.Service == name)
            .Select(s => Path.GetFullPath(Path.Combine(directory, s.Source)).TrimEnd(Path.DirectorySeparatorChar)).ToList();
        if (!imports.Any(i => i == production || i == Path.Combine(production, "platform-realm.json")))
            found.Add($"service '{name}' does not mount deploy/keycloak/production");

        var environment = DevelopmentRealmReferences.Child(body, "environment") switch
        {
            YamlMappingNode m => m.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToHashSet(),
            YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(e => e.Value!.Split('=')[0]).ToHashSet(),
            _ => [],
        };
        foreach (var variable in ProductionRealmRules.Variables.Where(v => !environment.Contains(v)))
            found.Add($"service '{name}' does not pass {variable}, which the production realm reads");
        return found;
    }
}
