using System.Text.Json.Nodes;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// The two realm files: the development one (<c>deploy/keycloak/platform-realm.json</c>, read by the development identity
/// provider and by AppHost's Keycloak container) and the production one (<c>deploy/keycloak/production/</c>), which
/// <c>deploy/keycloak/make-production-realm.py</c> writes from it.
/// </summary>
public static class RealmFiles
{
    public static readonly string[] DevelopmentPath = ["deploy", "keycloak", "platform-realm.json"];
    public static readonly string[] ProductionPath = ["deploy", "keycloak", "production", "platform-realm.json"];

    public const string Regenerate = "run `python3 deploy/keycloak/make-production-realm.py` after changing the development realm";

    /// <summary>A fresh copy each call, so a test may change it.</summary>
    public static JsonObject Development() => Load(DevelopmentPath);

    public static JsonObject Production() => Load(ProductionPath);

    private static JsonObject Load(string[] path) => JsonNode.Parse(RepositoryFiles.Read(path))!.AsObject();

    public static IEnumerable<JsonObject> Objects(this JsonNode? array) =>
        array is JsonArray items ? items.OfType<JsonObject>() : [];

    public static string? Text(this JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<string> Strings(this JsonNode? array) =>
        array is JsonArray items ? items.Select(i => i?.GetValue<string>() ?? "") : [];

    public static JsonObject Client(this JsonObject realm, string clientId) =>
        realm["clients"].Objects().Single(c => c.Text("clientId") == clientId);

    /// <summary>Every group by its full path (<c>/vn/lao-cai/so-khcn</c>), depth first.</summary>
    public static IEnumerable<(string Path, JsonObject Group)> GroupTree(this JsonObject realm)
    {
        IEnumerable<(string, JsonObject)> Walk(JsonNode? level, string parent)
        {
            foreach (var group in level.Objects())
            {
                var path = $"{parent}/{group.Text("name")}";
                yield return (path, group);
                foreach (var child in Walk(group["subGroups"], path)) yield return child;
            }
        }
        return Walk(realm["groups"], "");
    }

    /// <summary>Every string value in the document with the JSON path that leads to it.</summary>
    public static IEnumerable<(string Path, string Value)> StringValues(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                    foreach (var found in StringValues(child, $"{path}.{key}")) yield return found;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in StringValues(a[i], $"{path}[{i}]")) yield return found;
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                yield return (path, s);
                break;
        }
    }

    /// <summary>Every property in the document (name, value, JSON path).</summary>
    public static IEnumerable<(string Name, JsonNode? Value, string Path)> Properties(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    yield return (key, child, $"{path}.{key}");
                    foreach (var found in Properties(child, $"{path}.{key}")) yield return found;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in Properties(a[i], $"{path}[{i}]")) yield return found;
                break;
        }
    }
}
