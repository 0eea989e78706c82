using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// Finds every way the deployment files under <c>deploy/</c> could bring the development realm (demo users with a
/// published password, development secrets, loopback addresses) into a production Keycloak:
/// <list type="bullet">
/// <item>a compose volume, config or secret whose source is the development realm file or a folder holding it
/// (Keycloak imports every <c>*-realm.json</c> of its import folder);</item>
/// <item>a path in any deployment file (compose, Kubernetes manifests and kustomizations, Dockerfiles, scripts) that
/// resolves to the development realm file or the folder holding it;</item>
/// <item>a copy of the development realm's content anywhere (its <c>dev-only-</c> passwords and secrets).</item>
/// </list>
/// Markdown and <c>#</c> comments are prose and are not scanned for paths (a copied development secret is found
/// anywhere); the development realm itself and the script that derives the production realm
/// from it are the only files allowed to name it.
/// </summary>
public static partial class DevelopmentRealmReferences
{
    private const string RealmFileName = "platform-realm.json";

    [GeneratedRegex(@"[\w.\-/]*platform-realm\.json|(?<![\w.\-/])(?:\.{1,2}/)+(?:[\w.\-]+/)*keycloak/?(?![\w.\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex PathToken();

    /// <summary>A <c>#</c> comment (YAML, shell, Dockerfile, env files): prose that may warn about the development realm.</summary>
    [GeneratedRegex(@"(^|(?<=\s))#.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    /// <summary>Problems found under <paramref name="deployDirectory"/> (the repository's <c>deploy/</c>, or a test copy).</summary>
    public static List<string> Find(string deployDirectory)
    {
        var root = Path.GetFullPath(deployDirectory);
        var developmentRealm = Path.Combine(root, "keycloak", RealmFileName);
        var developmentFolder = Path.GetDirectoryName(developmentRealm)!;
        var allowed = new[] { developmentRealm, Path.Combine(root, "keycloak", "make-production-realm.py") };
        var found = new List<string>();

        bool IsDevelopment(string resolved)
        {
            var full = Path.GetFullPath(resolved).TrimEnd(Path.DirectorySeparatorChar);
            return full == developmentRealm || full == developmentFolder;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (allowed.Contains(file) || file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
            var relative = Path.GetRelativePath(root, file);
            string text;
            try { text = File.ReadAllText(file); }
            catch (IOException) { continue; }
            if (text.Contains('\0')) continue;

            if (text.Contains("dev-only-", StringComparison.Ordinal))
                found.Add($"deploy/{relative}: holds development credentials or secrets (dev-only-…)");

            var code = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? text : Comment().Replace(text, "");
            foreach (Match token in PathToken().Matches(code))
            {
                var value = token.Value.TrimEnd('/');
                if (value.StartsWith('/')) continue; // a path inside a container (the mount's target)
                var directory = Path.GetDirectoryName(file)!;
                if (IsDevelopment(Path.Combine(directory, value)) || IsDevelopment(Path.Combine(root, value))
                    || IsDevelopment(Path.Combine(Path.GetDirectoryName(root)!, value)))
                    found.Add($"deploy/{relative}: '{token.Value}' is the development realm{(value.EndsWith(RealmFileName, StringComparison.Ordinal) ? "" : "'s folder")}");
            }

            var name = Path.GetFileName(file);
            if (name.Contains("compose", StringComparison.Ordinal) && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
                found.AddRange(ComposeSources(file).Where(s => IsDevelopment(Path.Combine(Path.GetDirectoryName(file)!, s.Source)))
                    .Select(s => $"deploy/{relative}: service '{s.Service}' mounts '{s.Source}', which is or holds the development realm"));
        }
        return found;
    }

    /// <summary>The host-side sources of every compose volume (short and long syntax) and of top-level configs and secrets.</summary>
    public static IEnumerable<(string Service, string Source)> ComposeSources(string composeFile)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(composeFile)) yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode top) yield break;

        if (Child(top, "services") is YamlMappingNode services)
            foreach (var (key, value) in services.Children)
            {
                var service = ((YamlScalarNode)key).Value!;
                if (value is YamlMappingNode body && Child(body, "volumes") is YamlSequenceNode volumes)
                    foreach (var volume in volumes.Children)
                    {
                        var source = volume switch
                        {
                            YamlScalarNode s => s.Value!.Split(':')[0],
                            YamlMappingNode m => (Child(m, "source") as YamlScalarNode)?.Value,
                            _ => null,
                        };
                        if (source is not null && (source.StartsWith('.') || source.StartsWith('/') || source.Contains('/')))
                            yield return (service, source);
                    }
            }
        foreach (var section in new[] { "configs", "secrets" })
            if (Child(top, section) is YamlMappingNode entries)
                foreach (var (key, value) in entries.Children)
                    if (value is YamlMappingNode entry && Child(entry, "file") is YamlScalarNode file)
                        yield return ($"{section}.{((YamlScalarNode)key).Value}", file.Value!);
    }

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
