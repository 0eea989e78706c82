using YamlDotNet.RepresentationModel;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// The optional example of in-cluster PostgreSQL and RabbitMQ (examples/operators: CloudNativePG and the RabbitMQ
/// Cluster Operator) is what the province overlay points at. Their custom resources have no model in KubernetesClient,
/// so only their names, namespace and pinned images are checked here.
/// </summary>
public sealed class OperatorsExampleTests
{
    [Fact]
    public void The_province_overlay_points_at_the_example_operators_clusters()
    {
        var objects = Manifests.Documents(Kustomize.RenderDirectory(RepositoryFiles.Path("deploy", "kubernetes", "examples", "operators")))
            .Select(document =>
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(document));
                return (YamlMappingNode)yaml.Documents[0].RootNode;
            })
            .ToList();
        string Field(YamlMappingNode node, params string[] path) =>
            path.Aggregate((YamlNode)node, (current, key) => ((YamlMappingNode)current)[key]).ToString();
        var postgres = Assert.Single(objects, o => Field(o, "kind") == "Cluster");
        var rabbitmq = Assert.Single(objects, o => Field(o, "kind") == "RabbitmqCluster");
        Assert.All(objects, o => Assert.Equal("platform-data", Field(o, "metadata", "namespace")));
        Assert.Matches(@":\d+\.\d+", Field(postgres, "spec", "imageName"));
        Assert.Matches(@":\d+\.\d+\.\d+", Field(rabbitmq, "spec", "image"));

        var settings = Manifests.Render("province").ConfigMap(PlatformRules.SettingsConfigMap).Data;
        Assert.Equal($"{Field(postgres, "metadata", "name")}-rw.platform-data.svc", settings["POSTGRES_HOST"]);
        Assert.Equal($"{Field(rabbitmq, "metadata", "name")}.platform-data.svc", settings["RABBITMQ_HOST"]);
    }
}
