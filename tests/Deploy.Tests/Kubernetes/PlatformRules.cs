using System.Text.RegularExpressions;
using k8s.Models;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// The platform's own rules for its Kubernetes manifests, beyond the API schema. Each rule returns what breaks it (empty
/// when it holds), naming the object, so a test shows every violation at once and a mutated manifest can prove the rule
/// can fail.
/// </summary>
internal static partial class PlatformRules
{
    /// <summary>The five services and the configuration key of each one's tenant.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceTenantKeys = new Dictionary<string, string>
    {
        ["intake"] = "Intake__Tenant",
        ["monthly-scoring"] = "MonthlyScoring__Tenant",
        ["dx-index"] = "DxIndex__Tenant",
        ["notifications"] = "Notifications__Tenant",
        ["reporting"] = "Reporting__Tenant",
    };

    /// <summary>The .NET processes of the platform: probed on /health (ready) and /alive (alive).</summary>
    public static readonly IReadOnlyList<string> DotnetDeployments = [.. ServiceTenantKeys.Keys, "gateway", "web"];

    public const string SettingsConfigMap = "platform-settings";
    public const string SecretName = "platform-secrets";

    /// <summary>.NET Deployments: startup and readiness on /health, liveness on /alive; Keycloak on its own health endpoints.</summary>
    public static IEnumerable<string> Probes(Manifests manifests)
    {
        foreach (var deployment in manifests.Deployments)
        {
            var name = deployment.Metadata.Name;
            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                var where = $"Deployment/{name} container {container.Name}";
                var dotnet = DotnetDeployments.Contains(name);
                var (ready, alive) = dotnet ? ("/health", "/alive") : ("/health/ready", "/health/live");
                if (container.ReadinessProbe?.HttpGet?.Path != ready) yield return $"{where}: readiness probe is not GET {ready}";
                if (container.LivenessProbe?.HttpGet?.Path != alive) yield return $"{where}: liveness probe is not GET {alive}";
                if (container.StartupProbe?.HttpGet is null) yield return $"{where}: no HTTP startup probe";
                else if (dotnet && container.StartupProbe.HttpGet.Path != "/health") yield return $"{where}: startup probe is not GET /health";
            }
        }
        foreach (var name in DotnetDeployments.Append("keycloak"))
            if (!manifests.Deployments.Any(d => d.Metadata.Name == name)) yield return $"Deployment/{name} is missing";
    }

    /// <summary>
    /// Every pod (Deployments and Jobs): non-root, read-only root filesystem, no privilege escalation, every capability
    /// dropped, seccomp RuntimeDefault, a writable emptyDir at /tmp, CPU and memory requested and limited, no service
    /// account token.
    /// </summary>
    public static IEnumerable<string> Hardening(Manifests manifests)
    {
        foreach (var (owner, template) in manifests.PodTemplates)
        {
            var pod = template.Spec;
            if (pod.AutomountServiceAccountToken != false) yield return $"{owner}: mounts a service account token";
            var volumes = pod.Volumes ?? [];
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{owner} container {container.Name}";
                var security = container.SecurityContext;
                if ((security?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) != true) yield return $"{where}: runAsNonRoot is not true";
                if (security?.ReadOnlyRootFilesystem != true) yield return $"{where}: readOnlyRootFilesystem is not true";
                if (security?.AllowPrivilegeEscalation != false) yield return $"{where}: allowPrivilegeEscalation is not false";
                if (security?.Capabilities?.Drop?.Contains("ALL") != true) yield return $"{where}: capabilities do not drop ALL";
                if ((security?.SeccompProfile ?? pod.SecurityContext?.SeccompProfile)?.Type != "RuntimeDefault")
                    yield return $"{where}: seccomp profile is not RuntimeDefault";
                var tmp = container.VolumeMounts?.FirstOrDefault(m => m.MountPath == "/tmp");
                if (tmp is null || volumes.FirstOrDefault(v => v.Name == tmp.Name)?.EmptyDir is null)
                    yield return $"{where}: no emptyDir volume at /tmp";
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (container.Resources?.Limits?.ContainsKey(resource) != true) yield return $"{where}: no {resource} limit";
                    if (container.Resources?.Requests?.ContainsKey(resource) != true) yield return $"{where}: no {resource} request";
                }
            }
        }
    }

    /// <summary>Images: the platform's own (platform/…) with a release tag, or another's pinned to a version or digest.</summary>
    public static IEnumerable<string> Images(Manifests manifests)
    {
        foreach (var (owner, template) in manifests.PodTemplates)
            foreach (var container in template.Spec.Containers.Concat(template.Spec.InitContainers ?? []))
            {
                var image = container.Image ?? "";
                var digest = image.Contains("@sha256:", StringComparison.Ordinal);
                var lastSegment = image[(image.LastIndexOf('/') + 1)..];
                var tag = lastSegment.Contains(':') ? lastSegment[(lastSegment.IndexOf(':') + 1)..] : null;
                if (!digest && (tag is null || tag == "latest"))
                    yield return $"{owner} container {container.Name}: image '{image}' is not pinned to a version";
                if (!image.StartsWith("platform/", StringComparison.Ordinal) && !digest && tag is not null && !VersionTag().IsMatch(tag))
                    yield return $"{owner} container {container.Name}: outside image '{image}' is not pinned to a version";
            }
    }

    [GeneratedRegex(@"^v?\d+(\.\d+)+([-.][\w.]+)?$")]
    private static partial Regex VersionTag();

    /// <summary>The tenant is set once: every service's tenant key reads PLATFORM_TENANT of platform-settings, which holds <paramref name="expected"/>.</summary>
    public static IEnumerable<string> Tenant(Manifests manifests, string expected)
    {
        var settings = manifests.ConfigMap(SettingsConfigMap);
        if (Value(settings.Data, "PLATFORM_TENANT") != expected)
            yield return $"ConfigMap/{settings.Metadata.Name}: PLATFORM_TENANT is '{Value(settings.Data, "PLATFORM_TENANT")}', not '{expected}'";
        foreach (var (service, key) in ServiceTenantKeys)
        {
            var deployment = manifests.Deployments.FirstOrDefault(d => d.Metadata.Name == service);
            if (deployment is null) { yield return $"Deployment/{service} is missing"; continue; }
            var env = deployment.Spec.Template.Spec.Containers[0].Env?.Where(e => e.Name == key).ToList() ?? [];
            if (env.Count != 1) { yield return $"Deployment/{service}: {key} is not set exactly once"; continue; }
            var value = Resolve(manifests, env[0]);
            if (value != expected) yield return $"Deployment/{service}: {key} is '{value}', not '{expected}'";
            if (env[0].ValueFrom?.ConfigMapKeyRef is not { Key: "PLATFORM_TENANT" } reference || !Manifests.IsGenerated(reference.Name, SettingsConfigMap))
                yield return $"Deployment/{service}: {key} does not read PLATFORM_TENANT of {SettingsConfigMap}";
        }
    }

    private static string? Resolve(Manifests manifests, V1EnvVar env) =>
        env.ValueFrom?.ConfigMapKeyRef is { } reference
            ? Value(manifests.Of<V1ConfigMap>().FirstOrDefault(c => c.Metadata.Name == reference.Name)?.Data, reference.Key)
            : env.Value;

    /// <summary>
    /// No secret in the repository: a Secret object may hold only placeholders; a password or secret in a container's
    /// environment comes from a Secret, and a connection string takes its password from another variable; no ConfigMap
    /// holds a password.
    /// </summary>
    public static IEnumerable<string> Secrets(Manifests manifests)
    {
        foreach (var secret in manifests.Of<V1Secret>())
        {
            var values = (secret.StringData ?? new Dictionary<string, string>())
                .Concat((secret.Data ?? new Dictionary<string, byte[]>()).Select(d => KeyValuePair.Create(d.Key, System.Text.Encoding.UTF8.GetString(d.Value))));
            foreach (var (key, value) in values)
                if (SecretLike(key) && !value.Contains("CHANGE-ME", StringComparison.Ordinal))
                    yield return $"Secret/{secret.Metadata.Name}: {key} holds a literal value, not a CHANGE-ME placeholder";
        }
        // Settings only: a file packaged as a ConfigMap (a script, the realm) is checked where it is written.
        foreach (var map in manifests.Of<V1ConfigMap>())
            foreach (var (key, value) in (map.Data ?? new Dictionary<string, string>()).Where(d => !d.Key.Contains('.', StringComparison.Ordinal)))
                if (SecretLike(key) || PasswordInConnectionString(value))
                    yield return $"ConfigMap/{map.Metadata.Name}: {key} holds a password";
        foreach (var (owner, template) in manifests.PodTemplates)
            foreach (var container in template.Spec.Containers)
                foreach (var env in container.Env ?? [])
                {
                    if (SecretLike(env.Name) && env.ValueFrom?.SecretKeyRef is null && !(env.Value ?? "").StartsWith("$(", StringComparison.Ordinal))
                        yield return $"{owner} container {container.Name}: {env.Name} is not read from a Secret";
                    if (env.Value is { } value && PasswordInConnectionString(value))
                        yield return $"{owner} container {container.Name}: {env.Name} has a literal password";
                }
    }

    private static bool SecretLike(string key) =>
        key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || key.Contains("SECRET", StringComparison.OrdinalIgnoreCase);

    /// <summary>A password written into a connection string or URI rather than taken from a variable ($(DB_PASSWORD)).</summary>
    private static bool PasswordInConnectionString(string value) =>
        LiteralPassword().IsMatch(value) || LiteralUriPassword().IsMatch(value);

    [GeneratedRegex(@"Password=(?!\$\()[^;]+", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPassword();

    [GeneratedRegex(@"^amqps?://[^:/@]+:(?!\$\()[^@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralUriPassword();

    /// <summary>Keycloak imports the production realm, byte for byte; the development realm is never packaged.</summary>
    public static IEnumerable<string> Realm(Manifests manifests, string productionRealm, string developmentRealm)
    {
        var imported = manifests.Of<V1ConfigMap>().Where(c => Manifests.IsGenerated(c.Metadata.Name, "keycloak-realm")).ToList();
        if (imported.Count != 1 || Value(imported[0].Data, "platform-realm.json") != productionRealm)
            yield return "ConfigMap/keycloak-realm does not hold deploy/keycloak/production/platform-realm.json";
        foreach (var manifest in manifests.Objects)
            if (manifest.Document.Contains("dev-only", StringComparison.Ordinal)
                || (developmentRealm.Length > 0 && DocumentHolds(manifest, developmentRealm)))
                yield return $"{manifest}: holds the development realm (or a development-only value)";
    }

    private static bool DocumentHolds(Manifest manifest, string content) => manifest.Object switch
    {
        V1ConfigMap map => map.Data?.Values.Any(v => v == content) == true,
        V1Secret secret => secret.StringData?.Values.Any(v => v == content) == true
            || secret.Data?.Values.Any(v => System.Text.Encoding.UTF8.GetString(v) == content) == true,
        _ => false,
    };

    /// <summary>
    /// Keycloak starts in production mode with the realm import, and only after refusing an empty or CHANGE-ME value of
    /// every variable the production realm's placeholders take (an unset one would be imported as the text ${NAME}).
    /// </summary>
    public static IEnumerable<string> KeycloakStart(Manifests manifests)
    {
        var keycloak = manifests.Deployments.FirstOrDefault(d => d.Metadata.Name == "keycloak");
        if (keycloak is null) { yield return "Deployment/keycloak is missing"; yield break; }
        var script = string.Join("\n", (keycloak.Spec.Template.Spec.Containers[0].Command ?? []).Concat(keycloak.Spec.Template.Spec.Containers[0].Args ?? []));
        if (!script.Contains("kc.sh start --optimized --import-realm", StringComparison.Ordinal) || script.Contains("start-dev", StringComparison.Ordinal))
            yield return "Deployment/keycloak: does not run `kc.sh start --optimized --import-realm`";
        if (!script.Contains("CHANGE-ME", StringComparison.Ordinal)) yield return "Deployment/keycloak: does not refuse CHANGE-ME values";
        foreach (var variable in new[] { "PLATFORM_WEB_CLIENT_SECRET", "HE_THONG_57_CLIENT_SECRET", "PLATFORM_PUBLIC_URL" })
            if (!script.Contains(variable, StringComparison.Ordinal)) yield return $"Deployment/keycloak: does not check {variable} before the import";
    }

    /// <summary>The gateway keeps its sessions and data-protection keys in gatewaydb, as its own login, password from the Secret.</summary>
    public static IEnumerable<string> GatewayDatabase(Manifests manifests)
    {
        var gateway = manifests.Deployments.FirstOrDefault(d => d.Metadata.Name == "gateway");
        if (gateway is null) { yield return "Deployment/gateway is missing"; yield break; }
        var env = gateway.Spec.Template.Spec.Containers[0].Env ?? [];
        var connection = env.FirstOrDefault(e => e.Name == "ConnectionStrings__gatewaydb")?.Value;
        if (connection is null) { yield return "Deployment/gateway: ConnectionStrings__gatewaydb is not set"; yield break; }
        if (!connection.Contains("Database=gatewaydb", StringComparison.Ordinal) || !connection.Contains("Username=gateway;", StringComparison.Ordinal))
            yield return $"Deployment/gateway: ConnectionStrings__gatewaydb is not gatewaydb as the gateway login: {connection}";
        var variable = Regex.Match(connection, @"Password=\$\(([A-Z_]+)\)").Groups[1].Value;
        var source = env.FirstOrDefault(e => e.Name == variable)?.ValueFrom?.SecretKeyRef;
        if (source is not { Key: "GATEWAY_DB_PASSWORD" } || source.Name != SecretName)
            yield return "Deployment/gateway: the gatewaydb password is not GATEWAY_DB_PASSWORD of platform-secrets";
    }

    /// <summary>Stateless behind shared stores (sessions and keys in gatewaydb; outbox, migrations and schedulers safe with replicas: ADR 0001).</summary>
    public static readonly IReadOnlyList<string> Autoscaled = [.. ServiceTenantKeys.Keys, "gateway"];

    /// <summary>
    /// One replica: the web application's data-protection keys are per pod (forms rendered by one replica are rejected by
    /// another) and its interactive circuits live on one pod; Keycloak's clustering is not configured.
    /// </summary>
    public static readonly IReadOnlyList<string> SingleReplica = ["web", "keycloak"];

    /// <summary>Autoscalers and disruption budgets name Deployments that exist; an autoscaled Deployment leaves its replica count to the autoscaler.</summary>
    public static IEnumerable<string> Scaling(Manifests manifests)
    {
        var deployments = manifests.Deployments.ToDictionary(d => d.Metadata.Name);
        foreach (var hpa in manifests.Of<V2HorizontalPodAutoscaler>())
        {
            var target = hpa.Spec.ScaleTargetRef;
            if (target.Kind != "Deployment" || target.ApiVersion != "apps/v1" || !deployments.TryGetValue(target.Name, out var deployment))
                yield return $"HorizontalPodAutoscaler/{hpa.Metadata.Name}: targets {target.ApiVersion} {target.Kind}/{target.Name}, which is not a Deployment here";
            else if (deployment.Spec.Replicas is not null)
                yield return $"Deployment/{target.Name}: sets replicas although HorizontalPodAutoscaler/{hpa.Metadata.Name} owns the count";
            if (hpa.Spec.MinReplicas is null or < 2) yield return $"HorizontalPodAutoscaler/{hpa.Metadata.Name}: fewer than 2 replicas at minimum";
        }
        foreach (var name in Autoscaled)
            if (!manifests.Of<V2HorizontalPodAutoscaler>().Any(h => h.Spec.ScaleTargetRef.Name == name))
                yield return $"Deployment/{name} has no HorizontalPodAutoscaler";
        foreach (var name in SingleReplica)
        {
            if (manifests.Of<V2HorizontalPodAutoscaler>().Any(h => h.Spec.ScaleTargetRef.Name == name))
                yield return $"Deployment/{name} is autoscaled although its state is its own";
            if (deployments.TryGetValue(name, out var single) && single.Spec.Replicas != 1)
                yield return $"Deployment/{name}: replicas is not 1 although its state is its own";
        }
        foreach (var pdb in manifests.Of<V1PodDisruptionBudget>())
            if (!manifests.Deployments.Any(d => Selects(pdb.Spec.Selector?.MatchLabels, d.Spec.Template.Metadata.Labels)))
                yield return $"PodDisruptionBudget/{pdb.Metadata.Name}: selects no Deployment's pods";
        foreach (var deployment in manifests.Deployments)
            if (!manifests.Of<V1PodDisruptionBudget>().Any(p => Selects(p.Spec.Selector?.MatchLabels, deployment.Spec.Template.Metadata.Labels)))
                yield return $"Deployment/{deployment.Metadata.Name}: no PodDisruptionBudget";
    }

    /// <summary>Services select pods that exist and reach a port those pods name; the Ingress reaches Services that exist.</summary>
    public static IEnumerable<string> Services(Manifests manifests)
    {
        var services = manifests.Of<V1Service>().ToDictionary(s => s.Metadata.Name);
        foreach (var service in services.Values)
        {
            var pods = manifests.Deployments.Where(d => Selects(service.Spec.Selector, d.Spec.Template.Metadata.Labels)).ToList();
            if (service.Spec.Selector is not { Count: > 0 } || pods.Count == 0)
                yield return $"Service/{service.Metadata.Name}: selects no Deployment's pods";
            foreach (var port in service.Spec.Ports)
                foreach (var pod in pods)
                    if (!pod.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).Any(p =>
                            port.TargetPort?.Value == p.Name || port.TargetPort?.Value == p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        yield return $"Service/{service.Metadata.Name}: port {port.Name} targets {port.TargetPort?.Value}, which Deployment/{pod.Metadata.Name} does not expose";
        }
        foreach (var ingress in manifests.Of<V1Ingress>())
            foreach (var path in ingress.Spec.Rules.SelectMany(r => r.Http.Paths))
            {
                var backend = path.Backend.Service;
                if (!services.TryGetValue(backend.Name, out var service))
                    yield return $"Ingress/{ingress.Metadata.Name}: path {path.Path} reaches Service/{backend.Name}, which does not exist";
                else if (!service.Spec.Ports.Any(p => p.Name == backend.Port.Name || p.Port == backend.Port.Number))
                    yield return $"Ingress/{ingress.Metadata.Name}: path {path.Path} reaches a port Service/{backend.Name} does not have";
            }
    }

    /// <summary>
    /// Network policies: every selector matches pods that exist; everything is denied by default; from outside the
    /// namespace (the ingress controller) only the gateway and Keycloak are reachable, and only they are behind the Ingress.
    /// </summary>
    public static IEnumerable<string> NetworkPolicies(Manifests manifests)
    {
        var pods = manifests.PodTemplates.ToList();
        bool Matches(V1LabelSelector? selector) =>
            selector?.MatchLabels is not { Count: > 0 } labels || pods.Any(p => Selects(labels, p.Template.Metadata.Labels));
        var policies = manifests.Of<V1NetworkPolicy>().ToList();
        if (!policies.Any(p => p.Spec.PodSelector.MatchLabels is not { Count: > 0 } && p.Spec.Ingress is null
                && p.Spec.PolicyTypes?.Contains("Ingress") == true))
            yield return "no default-deny NetworkPolicy for ingress";
        var fromOutside = new HashSet<string>();
        foreach (var policy in policies)
        {
            if (!Matches(policy.Spec.PodSelector)) yield return $"NetworkPolicy/{policy.Metadata.Name}: podSelector matches no pods";
            foreach (var peer in (policy.Spec.Ingress ?? []).SelectMany(r => r.FromProperty ?? []).Concat((policy.Spec.Egress ?? []).SelectMany(r => r.To ?? [])))
            {
                if (peer.NamespaceSelector is null && !Matches(peer.PodSelector))
                    yield return $"NetworkPolicy/{policy.Metadata.Name}: a peer's podSelector matches no pods";
            }
            if ((policy.Spec.Ingress ?? []).Any(r => r.FromProperty is null || r.FromProperty.Any(p => p.NamespaceSelector is not null || p.IpBlock is not null)))
                foreach (var (owner, template) in pods.Where(p => Selects(policy.Spec.PodSelector.MatchLabels, p.Template.Metadata.Labels)))
                    fromOutside.Add(owner);
        }
        var allowed = new HashSet<string> { "Deployment/gateway", "Deployment/keycloak" };
        foreach (var owner in fromOutside.Except(allowed)) yield return $"{owner}: reachable from outside the namespace";
        if (!fromOutside.Contains("Deployment/gateway")) yield return "Deployment/gateway: not reachable from the ingress controller";
        foreach (var backend in manifests.Of<V1Ingress>().SelectMany(i => i.Spec.Rules.SelectMany(r => r.Http.Paths)).Select(p => p.Backend.Service.Name).Distinct())
            if (!allowed.Contains($"Deployment/{backend}")) yield return $"Ingress: publishes Service/{backend}";
    }

    /// <summary>Every key a container reads from platform-settings exists there; every key read from platform-secrets is in the example file.</summary>
    public static IEnumerable<string> References(Manifests manifests, IReadOnlySet<string> exampleSecretKeys)
    {
        var settings = manifests.ConfigMap(SettingsConfigMap);
        foreach (var (owner, template) in manifests.PodTemplates)
            foreach (var container in template.Spec.Containers)
            {
                foreach (var env in container.Env ?? [])
                {
                    if (env.ValueFrom?.ConfigMapKeyRef is { } map && (map.Name != settings.Metadata.Name || settings.Data?.ContainsKey(map.Key) != true))
                        yield return $"{owner}: {env.Name} reads {map.Name}/{map.Key}, which the rendered ConfigMap does not have";
                    if (env.ValueFrom?.SecretKeyRef is { } secret && (secret.Name != SecretName || !exampleSecretKeys.Contains(secret.Key)))
                        yield return $"{owner}: {env.Name} reads {secret.Name}/{secret.Key}, which platform-secrets.env.example does not list";
                }
                foreach (var source in container.EnvFrom ?? [])
                    if (source.ConfigMapRef is { } map && map.Name != settings.Metadata.Name)
                        yield return $"{owner}: envFrom names ConfigMap {map.Name}, not the rendered {settings.Metadata.Name}";
            }
    }

    private static string? Value(IDictionary<string, string>? data, string key) =>
        data is not null && data.TryGetValue(key, out var value) ? value : null;

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
}
