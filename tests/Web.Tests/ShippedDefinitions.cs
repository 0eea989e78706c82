using System.Net;
using System.Text.Json;
using Platform.Scoring.Engine;
using Platform.TestSupport;
using Platform.Web.Api;

namespace Platform.Web.Tests;

/// <summary>
/// The engine's shipped framework versions as intake serves them (<c>src/Intake/Frameworks</c>): the definition's JSON and,
/// per input, the indicators that read it — read into the web application's own records through that JSON, which is
/// also a check that the web's records and the engine's JSON agree.
/// </summary>
public static class ShippedDefinitions
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    /// <summary>The version in force for the period, as the web application holds it.</summary>
    public static FrameworkVersionView View(string id, string period) =>
        JsonSerializer.Deserialize<FrameworkVersionView>(Json(Compiled(id, period)), PlatformApi.Json)!;

    public static FrameworkDefinition Definition(string id, string period) => View(id, period).Definition;

    public static CompiledFramework Compiled(string id, string period) =>
        ShippedFrameworks.Catalog.Find(id, null, period) ?? throw new ArgumentException($"no shipped version of {id} for {period}");

    /// <summary>What intake answers for one version: <c>{ definition, inputUsers }</c>.</summary>
    public static string Json(CompiledFramework framework) => JsonSerializer.Serialize(new
    {
        definition = framework.Definition,
        inputUsers = framework.Slots.ToDictionary(s => s.Key,
            s => framework.Indicators.Where(i => i.UsedSlots.Contains(s.Value.Slot)).Select(i => i.Code).ToList()),
    }, Wire);

    /// <summary>Intake's framework routes (list, one version — signed in and public — and the version in force) over the shipped versions.</summary>
    public static StubGateway ServeShippedFrameworks(this StubGateway gateway) => gateway.Route((method, pathAndQuery) =>
    {
        if (method != HttpMethod.Get) return null;
        var path = pathAndQuery.Split('?')[0];
        var segments = path.Split('/').Select(Uri.UnescapeDataString).ToArray();
        var all = ShippedFrameworks.Catalog.All;
        return segments switch
        {
            ["", "api", "intake", "frameworks"] => (HttpStatusCode.OK, JsonSerializer.Serialize(all
                .OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Definition.EffectiveFrom, StringComparer.Ordinal)
                .Select(f => new
                {
                    f.Id, f.Version, f.Definition.Name, f.Definition.PeriodType, f.Definition.EffectiveFrom, f.Definition.EffectiveTo,
                    f.Definition.LegalBasis, f.Definition.MaxPoints, f.Definition.Unscored, Source = "shipped",
                }), Wire)),
            ["", "api", "intake", "frameworks", var id, "versions", var version] => Version(id, version),
            ["", "api", "intake", "public", "frameworks", var id, "versions", var version] => Version(id, version),
            ["", "api", "intake", "frameworks", var id, "in-force", var period] =>
                ShippedFrameworks.Catalog.Find(id, null, period) is { } inForce
                    ? (HttpStatusCode.OK, Json(inForce))
                    : Missing($"Không có phiên bản nào của khung \"{id}\" có hiệu lực cho kỳ {period}."),
            _ => null,
        };
    });

    private static (HttpStatusCode, string) Version(string id, string version) =>
        ShippedFrameworks.Catalog.All.FirstOrDefault(f => f.Id == id && f.Version == version) is { } found
            ? (HttpStatusCode.OK, Json(found))
            : Missing($"Không có khung \"{id}\" phiên bản \"{version}\".");

    private static (HttpStatusCode, string) Missing(string detail) => (HttpStatusCode.NotFound,
        JsonSerializer.Serialize(new { title = "Không tìm thấy khung chỉ số", detail, status = 404 }, Wire));
}
