using k8s;
using k8s.Models;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>One object of a rendered overlay: its YAML document and the typed Kubernetes object it deserializes into.</summary>
internal sealed record Manifest(string Document, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;
    public string Name => Object.Metadata.Name;
    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>
/// A rendered overlay split into its documents, each checked against the Kubernetes API's schema: deserialized strictly
/// (an unknown field fails) into KubernetesClient's model for its apiVersion and kind (an unknown kind fails).
/// </summary>
internal sealed class Manifests(IReadOnlyList<Manifest> objects)
{
    public IReadOnlyList<Manifest> Objects { get; } = objects;

    public static Manifests Render(string overlay) => Parse(Kustomize.Render(overlay));

    /// <summary>Splits a multi-document YAML text and deserializes each document strictly; the first failure names its object.</summary>
    public static Manifests Parse(string yaml) => new(Documents(yaml).Select(Deserialize).ToList());

    public static IEnumerable<string> Documents(string yaml) =>
        yaml.ReplaceLineEndings("\n").Split("\n---\n").Select(d => d.Trim('\n')).Where(d => d.Length > 0 && d != "---");

    public static Manifest Deserialize(string document)
    {
        try
        {
            var objects = KubernetesYaml.LoadAllFromString(document, typeMap: null, strict: true);
            if (objects.Count != 1 || objects[0] is not IKubernetesObject<V1ObjectMeta> kubernetesObject)
                throw new InvalidOperationException("not exactly one Kubernetes object");
            return new Manifest(document, kubernetesObject);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"This document is not a valid Kubernetes object ({e.GetBaseException().Message}):\n{document}", e);
        }
    }

    public IEnumerable<T> Of<T>() => Objects.Select(o => o.Object).OfType<T>();

    public IEnumerable<V1Deployment> Deployments => Of<V1Deployment>();

    /// <summary>Every pod template: the Deployments' and the Jobs'.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates =>
        Deployments.Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template))
            .Concat(Of<V1Job>().Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template)));

    /// <summary>A generated object's name carries kustomize's hash suffix: platform-settings-725g7b2d6h.</summary>
    public static bool IsGenerated(string name, string baseName) =>
        name == baseName || (name.StartsWith(baseName + "-", StringComparison.Ordinal) && name.Length == baseName.Length + 11);

    public V1ConfigMap ConfigMap(string baseName) =>
        Of<V1ConfigMap>().Single(c => IsGenerated(c.Metadata.Name, baseName));
}
