using System.Text.Json.Nodes;

namespace Platform.AppHost.Tests;

/// <summary>
/// The application model of each infrastructure mode, read from Aspire's manifest
/// (<c>--publisher manifest --output-path DIR</c>): there is no container engine on this machine, so the container
/// mode is proven by what the manifest names — images, the realm import, no local processes.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string[] Services = ["intake", "monthly-scoring", "dx-index", "notifications", "reporting"];
    private static readonly Dictionary<string, string> Databases = new()
    {
        ["intake"] = "intakedb", ["monthly-scoring"] = "monthlyscoringdb", ["dx-index"] = "dxindexdb",
        ["notifications"] = "notificationsdb", ["reporting"] = "reportingdb",
    };

    [Fact]
    public async Task Container_mode_names_PostgreSQL_RabbitMQ_and_Keycloak_images_with_the_realm_imported_and_no_local_process()
    {
        var resources = await ManifestAsync("containers");

        Assert.Equal("container.v0", Type(resources, "postgres"));
        Assert.StartsWith("docker.io/library/postgres:", Image(resources, "postgres"), StringComparison.Ordinal);
        Assert.Equal("container.v0", Type(resources, "messaging"));
        Assert.StartsWith("docker.io/library/rabbitmq:", Image(resources, "messaging"), StringComparison.Ordinal);
        Assert.Contains("-management", Image(resources, "messaging"), StringComparison.Ordinal);
        Assert.Equal("container.v0", Type(resources, "identity"));
        Assert.StartsWith("quay.io/keycloak/keycloak:", Image(resources, "identity"), StringComparison.Ordinal);
        var keycloak = resources["identity"]!;
        Assert.Contains("--import-realm", keycloak["args"]!.AsArray().Select(a => (string)a!));
        var realm = Assert.Single(keycloak["bindMounts"]!.AsArray());
        Assert.EndsWith("deploy/keycloak/platform-realm.json", (string)realm!["source"]!, StringComparison.Ordinal);
        Assert.Equal("/opt/keycloak/data/import/platform-realm.json", (string)realm["target"]!);
        Assert.Equal("{keycloak-admin-password.value}", (string)keycloak["env"]!["KC_BOOTSTRAP_ADMIN_PASSWORD"]!);
        // PostgreSQL keeps its data in a named volume.
        Assert.NotEmpty(resources["postgres"]!["volumes"]!.AsArray());

        Assert.DoesNotContain(resources, r => Type(resources, r.Key) == "executable.v0");
        AssertServicesAreWired(resources, "{postgres.connectionString};Database=");
    }

    [Fact]
    public async Task Process_mode_names_Debian_PostgreSQL_RabbitMQ_epmd_and_the_development_identity_provider()
    {
        var resources = await ManifestAsync("processes");

        Assert.Equal("executable.v0", Type(resources, "postgres"));
        var postgres = resources["postgres"]!;
        // setpriv execs postgres as its own user, so the signals DCP sends reach PostgreSQL itself.
        Assert.Equal("setpriv", (string)postgres["command"]!);
        var arguments = postgres["args"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(["--reuid=postgres", "--regid=postgres", "--init-groups", "--"], arguments.Take(4));
        Assert.Matches(@"^/usr/lib/postgresql/\d+/bin/postgres$", arguments[4]);
        Assert.Equal("executable.v0", Type(resources, "rabbitmq"));
        Assert.EndsWith("/rabbitmq-server", (string)resources["rabbitmq"]!["command"]!, StringComparison.Ordinal);
        Assert.Equal("executable.v0", Type(resources, "epmd"));
        Assert.Equal("project.v0", Type(resources, "identity"));
        Assert.EndsWith("src/IdentityProvider/IdentityProvider.csproj", (string)resources["identity"]!["path"]!, StringComparison.Ordinal);

        Assert.DoesNotContain(resources, r => Type(resources, r.Key) == "container.v0");
        Assert.StartsWith("amqp://", (string)resources["messaging"]!["connectionString"]!, StringComparison.Ordinal);
        AssertServicesAreWired(resources, "Host=127.0.0.1;");
    }

    [Fact]
    public async Task Existing_servers_replace_local_ones_and_their_password_stays_out_of_the_manifest()
    {
        const string Password = "s3cret-of-the-province";
        var resources = await ManifestAsync("processes", new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = $"Host=db.lao-cai.example;Port=5432;Username=platform;Password={Password}",
            ["ConnectionStrings__messaging"] = $"amqp://platform:{Password}@mq.lao-cai.example:5672/",
        });

        Assert.False(resources.ContainsKey("postgres"));
        Assert.False(resources.ContainsKey("rabbitmq"));
        Assert.False(resources.ContainsKey("epmd"));
        foreach (var database in Databases.Values)
            Assert.Equal("parameter.v0", Type(resources, database));
        Assert.Equal("parameter.v0", Type(resources, "messaging"));
        Assert.DoesNotContain(Password, resources.ToJsonString(), StringComparison.Ordinal);
        foreach (var service in Services)
        {
            var env = resources[service]!["env"]!.AsObject();
            Assert.Equal($"{{{Databases[service]}.connectionString}}", (string)env[$"ConnectionStrings__{Databases[service]}"]!);
            Assert.Equal("{messaging.connectionString}", (string)env["ConnectionStrings__messaging"]!);
        }
    }

    /// <summary>Each service gets its own database and the bus by reference, validates the identity provider's tokens; the gateway routes to all.</summary>
    private static void AssertServicesAreWired(JsonObject resources, string databaseConnection)
    {
        foreach (var service in Services)
        {
            Assert.Equal("project.v0", Type(resources, service));
            var database = Databases[service];
            Assert.Contains(databaseConnection, (string)resources[database]!["connectionString"]!, StringComparison.Ordinal);
            var env = resources[service]!["env"]!.AsObject();
            Assert.Equal($"{{{database}.connectionString}}", (string)env[$"ConnectionStrings__{database}"]!);
            Assert.Equal("{messaging.connectionString}", (string)env["ConnectionStrings__messaging"]!);
            Assert.Equal("{identity.bindings.http.url}", (string)env["Keycloak__AuthServerUrl"]!);
            Assert.Equal($"{{{service}.bindings.http.url}}", (string)resources["gateway"]!["env"]![$"services__{service}__http__0"]!);
        }
        Assert.Equal("{web.bindings.http.url}", (string)resources["gateway"]!["env"]!["services__web__http__0"]!);
        // The gateway's own database: its replicas' sessions and data-protection key ring.
        Assert.Contains(databaseConnection, (string)resources["gatewaydb"]!["connectionString"]!, StringComparison.Ordinal);
        Assert.Equal("{gatewaydb.connectionString}", (string)resources["gateway"]!["env"]!["ConnectionStrings__gatewaydb"]!);
        Assert.True((bool)resources["gateway"]!["bindings"]!["http"]!["external"]!);
    }

    private static async Task<JsonObject> ManifestAsync(string mode, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var run = new AppHostRun();
        var output = Path.Combine(run.DataDirectory, "manifest");

        var exitCode = await run.RunAsync(["--publisher", "manifest", "--output-path", output, "--infrastructure", mode], TimeSpan.FromMinutes(2), environment);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{run.Output}");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), TestContext.Current.CancellationToken))!;
        // Publishing starts nothing: no database was initialised.
        Assert.False(Directory.Exists(Path.Combine(run.DataDirectory, "postgres")), run.Output);
        return manifest["resources"]!.AsObject();
    }

    private static string Type(JsonObject resources, string name) => (string)resources[name]!["type"]!;

    private static string Image(JsonObject resources, string name) => (string)resources[name]!["image"]!;
}
