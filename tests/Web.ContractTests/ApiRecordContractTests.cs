using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Platform.Web.Api;

namespace Platform.Web.ContractTests;

/// <summary>
/// The web application's records against the OpenAPI document of each service it calls (<c>/openapi/v1.json</c>, as the
/// service serves it): a property the web reads that the service does not send, or sends as another kind of value,
/// fails; so does a property of a body the web sends that the service does not read.
/// </summary>
public sealed class ApiRecordContractTests(ServiceDocuments documents) : IClassFixture<ServiceDocuments>
{
    public static TheoryData<string, string, string, Type> Answers() => Data(ServiceAnswers.Answers);

    public static TheoryData<string, string, string, Type> Bodies() => Data(ServiceAnswers.Bodies);

    [Theory]
    [MemberData(nameof(Answers))]
    public void Every_property_the_web_reads_from_an_answer_is_one_the_service_sends(string service, string method, string path, Type record)
    {
        var document = documents[service];
        var schemas = Operation(document, method, path)["responses"]!.AsObject()
            .Where(r => r.Key.StartsWith('2') && r.Value?["content"]?["application/json"]?["schema"] is not null)
            .Select(r => (Status: r.Key, Schema: r.Value!["content"]!["application/json"]!["schema"]!)).ToList();

        Assert.True(schemas.Count > 0, $"{method.ToUpperInvariant()} {path} of {service} describes no JSON answer");
        var differences = schemas.SelectMany(s =>
            SchemaComparison.Differences(record, s.Schema, document, $"{service} {method.ToUpperInvariant()} {path} {s.Status} as {Name(record)}")).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_property_of_a_body_the_web_sends_is_one_the_service_reads(string service, string method, string path, Type record)
    {
        var document = documents[service];
        var schema = Operation(document, method, path)["requestBody"]?["content"]?["application/json"]?["schema"];

        Assert.True(schema is not null, $"{method.ToUpperInvariant()} {path} of {service} describes no JSON body");
        var differences = SchemaComparison.Differences(record, schema, document, $"{service} {method.ToUpperInvariant()} {path} body {Name(record)}");
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Every_record_of_the_web_api_is_compared_with_a_service_or_named_as_something_else()
    {
        var compared = new HashSet<Type>();
        foreach (var (_, _, _, record) in ServiceAnswers.Answers.Concat(ServiceAnswers.Bodies)) Reach(record, compared);
        var records = typeof(PlatformApi).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(PlatformApi).Namespace && t.IsClass && !t.IsNested && t.GetMethod("<Clone>$") is not null)
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t);

        Assert.Empty(records.Where(t => !compared.Contains(t) && !ServiceAnswers.NotAnswers.ContainsKey(t)).Select(t => t.Name).Order());
    }

    [Fact]
    public void A_property_the_service_does_not_send_or_sends_as_another_kind_is_told_by_name()
    {
        // The control: a record that reads what intake's overview does not send, and a name as a number.
        var document = documents[ServiceDocuments.Intake];
        var schema = Operation(document, "get", "/api/intake/overview/{framework}/{period}")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

        var differences = SchemaComparison.Differences(typeof(NotTheOverview), schema, document, "overview");

        Assert.Equal(
        [
            "overview.unitName: the web reads number, the service sends string",
            "overview.inputs[].owners: the web reads an object (OverviewReport), the service sends array",
            "overview.deadline: the web reads it, the service does not send it",
        ], differences);
    }

    private sealed record NotTheOverview(string Framework, decimal UnitName, IReadOnlyList<NotTheInput> Inputs, DateTimeOffset Deadline);

    private sealed record NotTheInput(string Key, OverviewReport Owners);

    private static JsonNode Operation(JsonNode document, string method, string path) =>
        document["paths"]?[path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the service's OpenAPI document");

    /// <summary>The records a record reads, through its properties, lists and dictionaries.</summary>
    private static void Reach(Type type, HashSet<Type> reached)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.Namespace != typeof(PlatformApi).Namespace)
        {
            foreach (var argument in type.GetGenericArguments()) Reach(argument, reached);
            return;
        }
        if (type.Namespace != typeof(PlatformApi).Namespace) return;
        if (!reached.Add(type.IsGenericType ? type.GetGenericTypeDefinition() : type)) return;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : []) Reach(argument, reached);
        foreach (var (_, property) in SchemaComparison.ReadProperties(type)) Reach(property, reached);
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    private static TheoryData<string, string, string, Type> Data(IEnumerable<(string Service, string Method, string Path, Type Record)> rows)
    {
        var data = new TheoryData<string, string, string, Type>();
        foreach (var (service, method, path, record) in rows) data.Add(service, method, path, record);
        return data;
    }
}
