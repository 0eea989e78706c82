using System.Text.Json;
using System.Text.RegularExpressions;
using static Platform.Deploy.Tests.Compose.ComposeFiles;

namespace Platform.Deploy.Tests.Compose;

/// <summary>deploy/compose.yaml as <c>docker-compose config</c> resolves it with the example's values filled in.</summary>
public sealed partial class ComposeTests
{
    private static readonly Lazy<(Dictionary<string, string> Variables, Dictionary<object, object> Model)> Resolved = new(() =>
    {
        var variables = FilledInExample();
        return (variables, Model(variables));
    });

    private static Dictionary<string, string> Variables => Resolved.Value.Variables;
    private static Dictionary<object, object> AllServices => ServicesOf(Resolved.Value.Model);
    private static Dictionary<object, object> Service(string name) => Map(AllServices[name]);

    [Fact]
    public void Compose_accepts_the_example_with_every_placeholder_replaced()
    {
        var result = Config(FilledInExample());

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("services:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_images_are_exactly_the_seven_built_from_deploy_Dockerfile()
    {
        var built = AllServices.Where(s => Map(Map(s.Value).GetValueOrDefault("build")).GetValueOrDefault("dockerfile") as string == "deploy/Dockerfile")
            .ToDictionary(s => (string)s.Key, s => (string)Map(Map(Map(s.Value)["build"])["args"])["PROJECT"]);

        Assert.Equal(PlatformServices.OrderBy(p => p.Key), built.OrderBy(p => p.Key));
        foreach (var (name, project) in built)
            Assert.Equal($"platform/{name}:latest", Service(name)["image"]);
    }

    [Fact]
    public void Every_platform_container_runs_as_a_numeric_non_root_user_on_a_read_only_root_with_a_tmpfs_tmp_and_no_privileges()
    {
        foreach (var name in PlatformServices.Keys)
        {
            var service = Service(name);
            var user = Assert.IsType<string>(service.GetValueOrDefault("user"));
            Assert.Matches("^[0-9]+(:[0-9]+)?$", user);
            Assert.NotEqual("0", user.Split(':')[0]);
            Assert.Equal("true", service.GetValueOrDefault("read_only")?.ToString());
            Assert.Contains(List(service.GetValueOrDefault("tmpfs")), t => t.ToString()!.Split(':')[0] == "/tmp");
            Assert.Contains("no-new-privileges:true", List(service.GetValueOrDefault("security_opt")));
            Assert.Equal(["ALL"], List(service.GetValueOrDefault("cap_drop")).Select(c => c.ToString()));
            Assert.Empty(List(service.GetValueOrDefault("cap_add")));
        }
    }

    [Fact]
    public void Every_platform_container_is_checked_through_its_health_endpoint()
    {
        foreach (var name in PlatformServices.Keys)
        {
            var test = List(Map(Service(name).GetValueOrDefault("healthcheck")).GetValueOrDefault("test")).Select(t => t.ToString()).ToList();
            Assert.True(test.Any(t => t!.Contains("GET /health HTTP/1.1", StringComparison.Ordinal) && t.Contains("/dev/tcp/127.0.0.1/8080", StringComparison.Ordinal)),
                $"{name}: the healthcheck does not ask /health on 8080: {string.Join(' ', test)}");
        }
    }

    [Fact]
    public void Every_container_has_a_cpu_and_memory_limit_and_no_new_privileges()
    {
        foreach (var (name, value) in AllServices)
        {
            var service = Map(value);
            var limits = Map(Map(Map(service.GetValueOrDefault("deploy")).GetValueOrDefault("resources")).GetValueOrDefault("limits"));
            Assert.True(limits.ContainsKey("cpus") && limits.ContainsKey("memory"), $"{name} has no cpu and memory limit");
            Assert.Contains("no-new-privileges:true", List(service.GetValueOrDefault("security_opt")));
        }
    }

    [Fact]
    public void Every_service_has_the_one_tenant_under_its_own_key()
    {
        foreach (var (service, section, _, _, _) in Services)
            Assert.Equal("lao-cai", EnvironmentOf(Service(service)).GetValueOrDefault($"{section}__Tenant"));
        var tenants = AllServices.SelectMany(s => EnvironmentOf(Map(s.Value))).Where(e => e.Key.EndsWith("__Tenant", StringComparison.Ordinal)).ToList();
        Assert.Equal(Services.Count, tenants.Count);
        Assert.All(tenants, t => Assert.Equal(Variables["PLATFORM_TENANT"], t.Value));
    }

    [Fact]
    public void Every_service_connects_to_its_own_database_with_its_own_login_and_to_the_broker_as_its_own_user()
    {
        foreach (var (service, _, database, login, amqpUser) in Services)
        {
            var environment = EnvironmentOf(Service(service));
            var connectionStrings = environment.Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).Select(e => e.Key).Order().ToList();
            Assert.Equal(new[] { $"ConnectionStrings__{database}", "ConnectionStrings__messaging" }.Order(), connectionStrings);
            Assert.Contains($"Database={database};Username={login};Password=", environment[$"ConnectionStrings__{database}"], StringComparison.Ordinal);
            Assert.Matches($"^amqp://{Regex.Escape(amqpUser)}:[0-9a-f]+@rabbitmq:5672/platform$", environment["ConnectionStrings__messaging"]);
        }
        Assert.Contains("Database=gatewaydb;Username=gateway;Password=", EnvironmentOf(Service("gateway"))["ConnectionStrings__gatewaydb"], StringComparison.Ordinal);
        Assert.False(EnvironmentOf(Service("web")).Keys.Any(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)), "the web application needs no database or broker");
    }

    [Fact]
    public void No_two_platform_containers_share_a_password_variable()
    {
        // Every password has its own random value in the filled-in example: a value found in a container names its variable.
        var secrets = Variables.Where(v => v.Key.EndsWith("_PASSWORD", StringComparison.Ordinal) || v.Key.EndsWith("_SECRET", StringComparison.Ordinal))
            .Where(v => v.Value.Length > 0).ToList();
        var holders = secrets.ToDictionary(s => s.Key, s => PlatformServices.Keys
            .Where(name => EnvironmentOf(Service(name)).Values.Any(v => v.Contains(s.Value, StringComparison.Ordinal))).ToList());

        Assert.All(holders, h => Assert.True(h.Value.Count <= 1, $"{h.Key} is given to {string.Join(", ", h.Value)}"));
        foreach (var (service, _, _, _, _) in Services)
        {
            var prefix = service.Replace('-', '_').ToUpperInvariant();
            Assert.Equal([service], holders[$"{prefix}_DB_PASSWORD"]);
            Assert.Equal([service], holders[$"{prefix}_AMQP_PASSWORD"]);
        }
        Assert.Equal(["gateway"], holders["GATEWAY_DB_PASSWORD"]);
        Assert.Equal(["gateway"], holders["PLATFORM_WEB_CLIENT_SECRET"]);
        Assert.Empty(holders["POSTGRES_PASSWORD"]);
        Assert.Empty(holders["RABBITMQ_ADMIN_PASSWORD"]);
        Assert.Empty(holders["HE_THONG_57_CLIENT_SECRET"]);
    }

    [Fact]
    public void Only_the_gateway_and_Keycloak_are_published_and_on_the_loopback_address_by_default()
    {
        var published = AllServices.Where(s => List(Map(s.Value).GetValueOrDefault("ports")).Count > 0).Select(s => (string)s.Key).Order().ToList();

        Assert.Equal(["gateway", "keycloak"], published);
        Assert.Equal("127.0.0.1:8080:8080/tcp", List(Service("gateway")["ports"]).Single().ToString());
        Assert.Equal("127.0.0.1:8081:8080/tcp", List(Service("keycloak")["ports"]).Single().ToString());
    }

    [Fact]
    public void Keycloak_runs_in_production_mode_and_imports_only_the_production_realm()
    {
        var keycloak = Service("keycloak");
        var command = List(keycloak["command"]).Select(c => c.ToString()).ToList();
        Assert.Equal("start", command[0]);
        Assert.Contains("--import-realm", command);
        Assert.DoesNotContain("start-dev", command);
        // The pre-built image (deploy/images/keycloak) starts without rebuilding, so its root filesystem can be read-only.
        Assert.Equal("platform/keycloak:latest", keycloak["image"].ToString());
        Assert.Contains("--optimized", command);
        Assert.Equal("true", keycloak.GetValueOrDefault("read_only")?.ToString());

        var environment = EnvironmentOf(keycloak);
        Assert.Equal(Variables["KEYCLOAK_PUBLIC_URL"], environment["KC_HOSTNAME"]);
        Assert.Equal("xforwarded", environment["KC_PROXY_HEADERS"]);
        Assert.Equal("true", environment["KC_HEALTH_ENABLED"]);
        // The realm file's placeholders, resolved at import.
        foreach (var placeholder in new[] { "PLATFORM_WEB_CLIENT_SECRET", "HE_THONG_57_CLIENT_SECRET", "PLATFORM_PUBLIC_URL" })
            Assert.Equal(Variables[placeholder], environment[placeholder]);

        var production = RepositoryFiles.Path("deploy", "keycloak", "production");
        Assert.Equal([$"{production}:/opt/keycloak/data/import:ro"], List(keycloak["volumes"]).Select(v => v.ToString()));
    }

    [Fact]
    public void The_development_realm_is_mounted_nowhere()
    {
        var developmentRealm = RepositoryFiles.Path("deploy", "keycloak", "platform-realm.json");
        var keycloakFolder = RepositoryFiles.Path("deploy", "keycloak");
        foreach (var (name, value) in AllServices)
        {
            foreach (var source in List(Map(value).GetValueOrDefault("volumes")).Select(VolumeSource))
            {
                Assert.NotEqual(developmentRealm, source);
                // Mounting deploy/keycloak itself would bring the development realm along.
                Assert.NotEqual(keycloakFolder, source?.TrimEnd('/'));
            }
        }
        Assert.DoesNotContain("platform-realm.json", ComposeText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_starts_before_preflight_has_succeeded_and_the_services_wait_for_their_broker_users()
    {
        foreach (var (name, value) in AllServices.Where(s => (string)s.Key != "preflight"))
        {
            var dependsOn = Map(Map(value).GetValueOrDefault("depends_on"));
            Assert.True(dependsOn.ContainsKey("preflight"), $"{name} does not wait for preflight");
            Assert.Equal("service_completed_successfully", Map(dependsOn["preflight"])["condition"]);
        }
        foreach (var (service, _, _, _, _) in Services)
            Assert.Equal("service_completed_successfully", Map(Map(Service(service)["depends_on"])["rabbitmq-setup"])["condition"]);
        Assert.Equal(["bash", "/preflight/preflight.sh"], List(Service("preflight")["entrypoint"]).Select(e => e.ToString()));
        Assert.Equal([$"{PreflightScript}:/preflight/preflight.sh:ro"], List(Service("preflight")["volumes"]).Select(v => v.ToString()));
    }

    [Fact]
    public void Preflight_is_given_every_value_compose_reads_without_a_default_and_the_example_lists_every_variable()
    {
        var preflight = EnvironmentOf(Service("preflight"));
        foreach (var name in PreflightTests.EmptyDefaultVariables())
            Assert.True(preflight.ContainsKey(name), $"preflight does not check {name}");

        var example = ExampleVariables().Select(v => v.Key).ToHashSet();
        var referenced = Variable().Matches(ComposeText()).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(referenced.Except(example));
        Assert.Empty(example.Except(referenced));
    }

    [Fact]
    public void Every_process_checks_tokens_against_the_public_Keycloak_realm()
    {
        foreach (var name in PlatformServices.Keys)
        {
            var environment = EnvironmentOf(Service(name));
            Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal(Variables["KEYCLOAK_PUBLIC_URL"], environment["Keycloak__AuthServerUrl"]);
            Assert.Equal("platform", environment["Keycloak__Realm"]);
            Assert.Equal("platform-api", environment["Keycloak__Resource"]);
        }
    }

    [Fact]
    public void The_gateway_signs_browsers_in_and_finds_every_destination_its_routes_name()
    {
        var environment = EnvironmentOf(Service("gateway"));
        Assert.Equal("platform-web", environment["Gateway__Oidc__ClientId"]);
        Assert.Equal(Variables["PLATFORM_WEB_CLIENT_SECRET"], environment["Gateway__Oidc__ClientSecret"]);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);

        using var appsettings = JsonDocument.Parse(RepositoryFiles.Read("src", "Gateway", "appsettings.json"));
        var destinations = appsettings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject()
            .SelectMany(c => c.Value.GetProperty("Destinations").EnumerateObject().Select(d => new Uri(d.Value.GetProperty("Address").GetString()!).Host))
            .ToList();
        Assert.Contains("web", destinations);
        foreach (var host in destinations)
        {
            Assert.Equal($"http://{host}:8080", environment.GetValueOrDefault($"services__{host}__http__0"));
            Assert.True(AllServices.ContainsKey(host), $"the gateway routes to {host}, which compose does not run");
        }
    }

    [Fact]
    public void The_web_application_calls_through_the_gateway_and_e_mails_link_to_the_public_address()
    {
        Assert.Equal("http://gateway:8080", EnvironmentOf(Service("web"))["Web__GatewayAddress"]);

        var notifications = EnvironmentOf(Service("notifications"));
        Assert.Equal(Variables["PLATFORM_PUBLIC_URL"], notifications["Notifications__WebBaseUrl"]);
        Assert.Equal(Variables["SMTP_HOST"], notifications["Notifications__Email__Host"]);
        Assert.Equal(Variables["SMTP_PORT"], notifications["Notifications__Email__Port"]);
        Assert.Equal(Variables["SMTP_FROM"], notifications["Notifications__Email__From"]);
        Assert.Equal(Variables["SMTP_USE_TLS"], notifications["Notifications__Email__UseTls"]);
    }

    [Fact]
    public void The_web_application_keeps_its_data_protection_keys_in_a_volume_and_the_gateway_in_its_database()
    {
        var named = Map(Resolved.Value.Model["volumes"]).Keys.Select(k => k.ToString()).ToHashSet();
        var volume = Assert.Single(List(Service("web")["volumes"])).ToString()!.Split(':');
        Assert.Equal("/home/app/.aspnet", volume[1]);
        Assert.Contains(volume[0], named);

        Assert.Empty(List(Service("gateway").GetValueOrDefault("volumes")));
        Assert.Contains("ConnectionStrings__gatewaydb", EnvironmentOf(Service("gateway")).Keys);
    }

    [Fact]
    public void The_one_shot_helpers_are_read_only_non_root_and_have_a_tmpfs_for_their_temporary_files()
    {
        foreach (var name in new[] { "preflight", "rabbitmq-setup" })
        {
            var service = Service(name);
            Assert.Equal("true", service.GetValueOrDefault("read_only")?.ToString());
            Assert.Matches("^[1-9][0-9]*:[0-9]+$", service["user"].ToString());
            Assert.Equal(["ALL"], List(service.GetValueOrDefault("cap_drop")).Select(c => c.ToString()));
            Assert.Contains(List(service.GetValueOrDefault("tmpfs")), t => t.ToString()!.Split(':')[0] == "/tmp");
            Assert.Equal("no", service["restart"].ToString());
        }
        Assert.Equal(["sh", "/setup/apply-users.sh", "/setup/permissions.json"], List(Service("rabbitmq-setup")["entrypoint"]).Select(e => e.ToString()));
        Assert.Equal([$"{RepositoryFiles.Path("deploy", "rabbitmq")}:/setup:ro"], List(Service("rabbitmq-setup")["volumes"]).Select(v => v.ToString()));
    }

    [Fact]
    public void The_database_is_given_every_login_password_its_init_script_reads()
    {
        var postgres = EnvironmentOf(Service("postgres"));
        var wanted = Directory.GetFiles(RepositoryFiles.Path("deploy", "postgres"), "*.sql")
            .SelectMany(f => GetEnv().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("INTAKE_DB_PASSWORD", wanted);
        foreach (var name in wanted.Append("GATEWAY_DB_PASSWORD"))
        {
            Assert.True(postgres.ContainsKey(name), $"postgres is not given {name}");
            if (name.EndsWith("_PASSWORD", StringComparison.Ordinal)) Assert.Equal(Variables[name], postgres[name]);
        }
        // psql's \getenv of an empty value is not "unset": the connection cap must never reach the script empty.
        Assert.Equal("-1", postgres["PLATFORM_DB_CONNECTION_LIMIT"]);
    }

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\\getenv\s+\w+\s+([A-Z][A-Z0-9_]*)")]
    private static partial Regex GetEnv();
}
