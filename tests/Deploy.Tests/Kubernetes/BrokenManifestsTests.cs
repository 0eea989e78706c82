using k8s.Models;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// The checks of <see cref="KubernetesManifestsTests"/> can fail: the province's rendered manifests, broken in memory one
/// way at a time, each break reported by the rule that guards it and naming the object.
/// </summary>
public sealed class BrokenManifestsTests
{
    private static Manifests Fresh() => Manifests.Parse(Kustomize.Render("province"));

    private static V1Deployment Deployment(Manifests manifests, string name) => manifests.Deployments.Single(d => d.Metadata.Name == name);

    [Fact]
    public void An_unknown_field_fails_the_schema_check_naming_the_document()
    {
        var document = Manifests.Documents(Kustomize.Render("province")).First(d => d.Contains("kind: Deployment", StringComparison.Ordinal));
        var broken = document.Replace("\nspec:\n", "\nspec:\n  replica: 2\n", StringComparison.Ordinal);
        Assert.NotEqual(document, broken);

        var error = Assert.Throws<InvalidOperationException>(() => Manifests.Deserialize(broken));
        Assert.Contains("replica: 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_without_containers_fails_the_kubernetes_models_schemas()
    {
        var manifests = Fresh();
        Deployment(manifests, "web").Spec.Template.Spec.Containers = null;

        var problem = Assert.Single(KubernetesModels.Validate(manifests));
        Assert.StartsWith("Deployment/web: ", problem, StringComparison.Ordinal);
        Assert.Contains("containers", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_without_its_liveness_probe_is_reported()
    {
        var manifests = Fresh();
        Deployment(manifests, "intake").Spec.Template.Spec.Containers[0].LivenessProbe = null;

        Assert.Contains("Deployment/intake container intake: liveness probe is not GET /alive", PlatformRules.Probes(manifests));
    }

    [Fact]
    public void A_writable_root_filesystem_or_a_missing_limit_is_reported()
    {
        var manifests = Fresh();
        var container = Deployment(manifests, "gateway").Spec.Template.Spec.Containers[0];
        container.SecurityContext.ReadOnlyRootFilesystem = false;
        container.Resources.Limits.Remove("memory");

        var violations = PlatformRules.Hardening(manifests).ToList();
        Assert.Contains("Deployment/gateway container gateway: readOnlyRootFilesystem is not true", violations);
        Assert.Contains("Deployment/gateway container gateway: no memory limit", violations);
    }

    [Fact]
    public void An_unpinned_image_is_reported()
    {
        var manifests = Fresh();
        Deployment(manifests, "keycloak").Spec.Template.Spec.Containers[0].Image = "quay.io/keycloak/keycloak";

        Assert.Contains("Deployment/keycloak container keycloak: image 'quay.io/keycloak/keycloak' is not pinned to a version", PlatformRules.Images(manifests));
    }

    [Fact]
    public void A_service_with_a_tenant_of_its_own_is_reported()
    {
        var manifests = Fresh();
        var tenant = Deployment(manifests, "reporting").Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "Reporting__Tenant");
        tenant.ValueFrom = null;
        tenant.Value = "national";

        var violations = PlatformRules.Tenant(manifests, "lao-cai").ToList();
        Assert.Contains("Deployment/reporting: Reporting__Tenant is 'national', not 'lao-cai'", violations);
    }

    [Fact]
    public void A_secret_with_a_real_password_or_a_password_in_a_connection_string_is_reported()
    {
        var manifests = Fresh();
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "platform-secrets" }, StringData = new Dictionary<string, string> { ["INTAKE_DB_PASSWORD"] = "s3cret-value" } };
        manifests = new Manifests([.. manifests.Objects, new Manifest("", secret)]);
        var env = Deployment(manifests, "intake").Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "ConnectionStrings__intakedb");
        env.Value = env.Value.Replace("$(DB_PASSWORD)", "hunter2", StringComparison.Ordinal);

        manifests.ConfigMap(PlatformRules.SettingsConfigMap).Data["SMTP_PASSWORD"] = "mail-password";

        var violations = PlatformRules.Secrets(manifests).ToList();
        Assert.Contains(violations, v => v.StartsWith("ConfigMap/platform-settings-", StringComparison.Ordinal) && v.EndsWith(": SMTP_PASSWORD holds a password", StringComparison.Ordinal));
        Assert.Contains("Secret/platform-secrets: INTAKE_DB_PASSWORD holds a literal value, not a CHANGE-ME placeholder", violations);
        Assert.Contains("Deployment/intake container intake: ConnectionStrings__intakedb has a literal password", violations);
    }

    [Fact]
    public void The_development_realm_in_a_config_map_is_reported()
    {
        var manifests = Fresh();
        var realm = manifests.Of<V1ConfigMap>().Single(c => Manifests.IsGenerated(c.Metadata.Name, "keycloak-realm"));
        realm.Data["platform-realm.json"] = KubernetesManifestsTests.DevelopmentRealm;

        var violations = PlatformRules.Realm(manifests, KubernetesManifestsTests.ProductionRealm, KubernetesManifestsTests.DevelopmentRealm).ToList();
        Assert.Contains("ConfigMap/keycloak-realm does not hold deploy/keycloak/production/platform-realm.json", violations);
        Assert.Contains(violations, v => v.StartsWith("ConfigMap/keycloak-realm-", StringComparison.Ordinal) && v.EndsWith("holds the development realm (or a development-only value)", StringComparison.Ordinal));
    }

    [Fact]
    public void Keycloak_in_development_mode_or_without_the_placeholder_check_is_reported()
    {
        var manifests = Fresh();
        var container = Deployment(manifests, "keycloak").Spec.Template.Spec.Containers[0];
        container.Command = null;
        container.Args = ["start-dev", "--import-realm"];

        var violations = PlatformRules.KeycloakStart(manifests).ToList();
        Assert.Contains("Deployment/keycloak: does not run `kc.sh start --optimized --import-realm`", violations);
        Assert.Contains("Deployment/keycloak: does not refuse CHANGE-ME values", violations);
    }

    [Fact]
    public void A_gateway_without_gatewaydb_is_reported()
    {
        var manifests = Fresh();
        Deployment(manifests, "gateway").Spec.Template.Spec.Containers[0].Env.Remove(
            Deployment(manifests, "gateway").Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "ConnectionStrings__gatewaydb"));

        Assert.Contains("Deployment/gateway: ConnectionStrings__gatewaydb is not set", PlatformRules.GatewayDatabase(manifests));
    }

    [Fact]
    public void An_autoscaler_of_a_missing_deployment_is_reported()
    {
        var manifests = Fresh();
        manifests.Of<V2HorizontalPodAutoscaler>().Single(h => h.Metadata.Name == "gateway").Spec.ScaleTargetRef.Name = "gateways";

        var violations = PlatformRules.Scaling(manifests).ToList();
        Assert.Contains("HorizontalPodAutoscaler/gateway: targets apps/v1 Deployment/gateways, which is not a Deployment here", violations);
        Assert.Contains("Deployment/gateway has no HorizontalPodAutoscaler", violations);
    }

    [Fact]
    public void A_second_replica_of_the_web_application_is_reported()
    {
        var manifests = Fresh();
        Deployment(manifests, "web").Spec.Replicas = 2;

        Assert.Contains("Deployment/web: replicas is not 1 although its state is its own", PlatformRules.Scaling(manifests));
    }

    [Fact]
    public void A_service_selecting_no_pods_is_reported()
    {
        var manifests = Fresh();
        manifests.Of<V1Service>().Single(s => s.Metadata.Name == "dx-index").Spec.Selector["app.kubernetes.io/name"] = "dxindex";

        Assert.Contains("Service/dx-index: selects no Deployment's pods", PlatformRules.Services(manifests));
    }

    [Fact]
    public void A_network_policy_with_a_mistyped_selector_or_opening_a_service_to_the_ingress_is_reported()
    {
        var manifests = Fresh();
        var policies = manifests.Of<V1NetworkPolicy>().ToDictionary(p => p.Metadata.Name);
        policies["web-from-gateway"].Spec.Ingress[0].FromProperty[0].PodSelector.MatchLabels["app.kubernetes.io/name"] = "gatway";
        policies["services-from-gateway"].Spec.Ingress[0].FromProperty.Add(new V1NetworkPolicyPeer
        {
            NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" } },
        });

        var violations = PlatformRules.NetworkPolicies(manifests).ToList();
        Assert.Contains("NetworkPolicy/web-from-gateway: a peer's podSelector matches no pods", violations);
        Assert.Contains("Deployment/intake: reachable from outside the namespace", violations);
    }

    [Fact]
    public void A_setting_or_secret_that_does_not_exist_is_reported()
    {
        var manifests = Fresh();
        var env = Deployment(manifests, "notifications").Spec.Template.Spec.Containers[0].Env;
        env.Single(e => e.Name == "AMQP_PASSWORD").ValueFrom.SecretKeyRef.Key = "NOTIFICATION_AMQP_PASSWORD";

        Assert.Contains("Deployment/notifications: AMQP_PASSWORD reads platform-secrets/NOTIFICATION_AMQP_PASSWORD, which platform-secrets.env.example does not list",
            PlatformRules.References(manifests, KubernetesManifestsTests.ExampleSecretKeys()));
    }
}
