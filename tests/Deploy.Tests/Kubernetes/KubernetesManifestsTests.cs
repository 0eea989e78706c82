using k8s.Models;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// Each overlay of deploy/kubernetes rendered with kubectl kustomize: every object valid against the Kubernetes API's
/// schema, and the platform's rules (<see cref="PlatformRules"/>) hold.
/// </summary>
public sealed class KubernetesManifestsTests
{
    public static TheoryData<string, string> Overlays => new() { { "province", "lao-cai" }, { "centre", "national" } };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_rendered_object_is_a_valid_Kubernetes_object_of_a_known_kind(string overlay, string tenant)
    {
        _ = tenant;
        var manifests = Manifests.Render(overlay);

        var kinds = manifests.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, kinds["Deployment"]);
        Assert.Equal(6, kinds["HorizontalPodAutoscaler"]);
        Assert.Equal(2, kinds["Job"]);
        Assert.Equal(1, kinds["Ingress"]);
        Assert.DoesNotContain("StatefulSet", kinds.Keys);
        Assert.DoesNotContain("Secret", kinds.Keys);
        Assert.All(manifests.Objects, o => Assert.Equal("platform", o.Object.Metadata.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_rendered_object_passes_the_kubernetes_models_schemas(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(KubernetesModels.Validate(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_is_probed_on_health_and_alive(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Probes(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_runs_non_root_on_a_read_only_filesystem_within_limits(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Hardening(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_image_is_the_platform_s_own_release_or_pinned(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Images(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_tenant_is_set_once_and_every_service_reads_the_same_value(string overlay, string tenant) =>
        Assert.Empty(PlatformRules.Tenant(Manifests.Render(overlay), tenant));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_password_is_written_in_the_manifests(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Secrets(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Keycloak_imports_the_production_realm_and_never_the_development_one(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Realm(Manifests.Render(overlay), ProductionRealm, DevelopmentRealm));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Keycloak_starts_in_production_mode_only_with_its_placeholders_filled(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.KeycloakStart(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_gateway_keeps_its_sessions_in_gatewaydb(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.GatewayDatabase(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Autoscalers_and_disruption_budgets_name_deployments_that_exist(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Scaling(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_and_the_ingress_reach_pods_that_exist(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.Services(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_and_Keycloak_are_reachable_from_outside_and_every_policy_selects_pods(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.NetworkPolicies(Manifests.Render(overlay)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_and_secret_a_container_reads_exists(string overlay, string tenant)
    {
        _ = tenant;
        Assert.Empty(PlatformRules.References(Manifests.Render(overlay), ExampleSecretKeys()));
    }

    [Fact]
    public void The_example_secrets_file_holds_only_placeholders()
    {
        var lines = ExampleSecretLines();
        Assert.NotEmpty(lines);
        Assert.All(lines.Where(l => l.Key.Contains("PASSWORD", StringComparison.Ordinal) || l.Key.Contains("SECRET", StringComparison.Ordinal)),
            l => Assert.Equal("CHANGE-ME", l.Value));
    }

    internal static string ProductionRealm => RepositoryFiles.Read("deploy", "keycloak", "production", "platform-realm.json");

    internal static string DevelopmentRealm => RepositoryFiles.Read("deploy", "keycloak", "platform-realm.json");

    internal static IReadOnlySet<string> ExampleSecretKeys() => ExampleSecretLines().Select(l => l.Key).ToHashSet();

    private static List<KeyValuePair<string, string>> ExampleSecretLines() =>
        File.ReadAllLines(RepositoryFiles.Path("deploy", "kubernetes", "platform-secrets.env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => KeyValuePair.Create(l[..l.IndexOf('=')], l[(l.IndexOf('=') + 1)..]))
            .ToList();
}
