using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.PlatformHarness;

namespace Platform.EndToEnd.Tests.CrossProvince;

/// <summary>One operation of a service's OpenAPI document (<c>/openapi/v1.json</c>).</summary>
internal sealed record Operation(string Service, string Method, string Template, JsonObject Definition)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>A generated probe: the request naming Thanh Hóa, and the same request naming nothing that exists (the ghost).</summary>
internal sealed record GeneratedProbe(Operation Operation, Probe Foreign, Probe Ghost, bool ForeignInPath);

/// <summary>
/// Thanh Hóa's ids and codes to fill requests with, and for each the ghost that stands in its place in the control request:
/// a unit code no province has (<c>tinh-khong-co…</c>) or a fresh id. A foreign id must answer exactly like its ghost
/// (404, or the 403 of a role refused before any lookup): anything else tells the caller it exists.
/// </summary>
internal sealed class ProbeValues(ThanhHoaRecords thanhHoa, Guid run, string period, int dtiYear, bool wide)
{
    public const string GhostProvince = "tinh-khong-co";

    /// <summary>The province, its Sở KH&amp;CN and an NQ57 commune (the demo round's <c>thanh-hoa.xa-mau-01</c>); wide: every unit of the realm.</summary>
    public IReadOnlyList<string> Units { get; } = wide
        ? ["thanh-hoa", "thanh-hoa.so-khcn", "thanh-hoa.xa-mau-01", "thanh-hoa.nhu-thanh", "thanh-hoa.tt-pvhcc", "thanh-hoa.cong-an",
            "thanh-hoa.tt-cntt", "thanh-hoa.so-tc", "thanh-hoa.vp-ubnd", .. Enumerable.Range(2, 6).Select(i => $"thanh-hoa.xa-mau-{i:D2}")]
        : ["thanh-hoa", "thanh-hoa.so-khcn", "thanh-hoa.xa-mau-01"];

    public ThanhHoaRecords ThanhHoa => thanhHoa;
    public string Period => period;

    // The run is the month's national one (34 provinces), not Thanh Hóa's: its ghost is itself, and a Lào Cai reviewer reads
    // its Lào Cai rows. What a run's routes must hide is Thanh Hóa's unit in it.
    private readonly Dictionary<Guid, Guid> _ghosts = new[]
        { thanhHoa.Submission, thanhHoa.EvidenceFile, thanhHoa.Assignment, thanhHoa.Bonus, thanhHoa.ActionPlan }
        .Concat(thanhHoa.InboxItems).Distinct().ToDictionary(g => g, _ => Guid.NewGuid());

    /// <summary>The id a route's <c>{id}</c> means, by the collection it follows.</summary>
    public Guid IdAfter(string collection) => collection switch
    {
        "assignments" => thanhHoa.Assignment,
        "bonuses" => thanhHoa.Bonus,
        "runs" => run,
        "actions" => thanhHoa.ActionPlan,
        "evidence" => thanhHoa.EvidenceFile,
        "inbox" => thanhHoa.InboxItems.Count > 0 ? thanhHoa.InboxItems[0] : thanhHoa.Submission,
        _ => thanhHoa.Submission,
    };

    public static bool IsUnit(string name, string template) =>
        name.Equals("unit", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Unit", StringComparison.Ordinal)
        || name is "parent" or "orgUnit" or "commune" or "province" or "units"
        || (name is "code" && template.Contains("/units/", StringComparison.Ordinal));

    /// <summary>A value for a parameter or property that does not name a unit or an id, by its name; null when the name says nothing.</summary>
    public string? Plain(string name, string template) => name switch
    {
        "framework" or "frameworkId" => template.Contains("nq57", StringComparison.Ordinal) ? "nq57" : "monthly-4585",
        "period" => period,
        "peerGroup" => "provinces",
        "year" => template.Contains("/dti", StringComparison.Ordinal) ? dtiYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : "2026",
        "round" => "2026",
        "version" => "1",
        "entityType" => "submission",
        "format" => "csv",
        _ => null,
    };

    /// <summary>The control request: every Thanh Hóa code and id replaced by its ghost.</summary>
    public string Ghost(string text)
    {
        foreach (var (id, ghost) in _ghosts) text = text.Replace(id.ToString(), ghost.ToString(), StringComparison.OrdinalIgnoreCase);
        return text.Replace("thanh-hoa", GhostProvince, StringComparison.Ordinal);
    }

    public bool NamesThanhHoa(string text) =>
        text.Contains("thanh-hoa", StringComparison.Ordinal) || _ghosts.Keys.Any(id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));

}

/// <summary>Builds every operation's probes from the OpenAPI documents: path, query and body filled with Thanh Hóa's ids and codes.</summary>
internal static class ProbeGenerator
{
    public static IEnumerable<Operation> Operations(string service, JsonNode document)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, definition) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" || definition is not JsonObject operation) continue;
                yield return new Operation(service, method.ToUpperInvariant(), template, operation);
            }
        }
    }

    public static IEnumerable<GeneratedProbe> Probes(Operation operation, JsonNode document, ProbeValues values)
    {
        var parameters = (operation.Definition["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(p => Resolve(p, document)).ToList();
        var body = operation.Definition["requestBody"]?["content"] as JsonObject;
        var undocumented = Undocumented(operation);
        var namesUnit = parameters.Any(p => ProbeValues.IsUnit(Name(p), operation.Template)) || undocumented.NamesUnit
            || (body?["application/json"]?["schema"] is { } s && MentionsUnit(s, document, 0));
        foreach (var unit in namesUnit ? values.Units : values.Units.Take(1))
        {
            var path = operation.Template;
            var query = new List<string>();
            foreach (var parameter in parameters)
            {
                var name = Name(parameter);
                var location = parameter["in"]?.GetValue<string>();
                var required = parameter["required"]?.GetValue<bool>() == true;
                var value = Value(name, parameter["schema"], operation.Template, path, unit, values, document, required || location == "path");
                if (location == "path") path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value ?? "x"), StringComparison.Ordinal);
                else if (location == "query" && value is not null) query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
            var target = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
            object? content = body switch
            {
                null => null,
                _ when body.ContainsKey("application/json") => Generate(body["application/json"]!["schema"], document, unit, values, operation.Template, 0) ?? new JsonObject(),
                _ when body.ContainsKey("multipart/form-data") => Probe.EvidenceUpload,
                _ => null,
            } ?? undocumented.Body?.Invoke(unit, values);
            var foreign = new Probe(operation.Method, target, HttpStatusCode.NotFound, content);
            var ghostBody = content is JsonNode node ? JsonNode.Parse(values.Ghost(node.ToJsonString())) : content;
            var ghost = new Probe(operation.Method, values.Ghost(target), HttpStatusCode.NotFound, ghostBody);
            yield return new GeneratedProbe(operation, foreign, ghost, values.NamesThanhHoa(path));
        }
    }

    /// <summary>
    /// Bodies the documents do not describe (the handler reads the request itself): the machine API's submission and the
    /// multipart uploads (evidence, Excel import).
    /// </summary>
    private static (bool NamesUnit, Func<string, ProbeValues, object>? Body) Undocumented(Operation operation) => operation switch
    {
        { Method: "POST", Template: var t } when t.EndsWith("/machine/submissions", StringComparison.Ordinal) => (true, (unit, values) => new JsonObject
        {
            ["framework"] = "monthly-4585", ["period"] = values.Period, ["targetUnit"] = unit,
            ["values"] = new JsonObject { ["A.due"] = 1, ["A.backlog"] = 0, ["A.onTime"] = 1, ["A.late"] = 0 }, ["submit"] = true,
        }),
        { Method: "POST", Template: var t } when t.EndsWith("/evidence", StringComparison.Ordinal) || t.Contains("/imports/", StringComparison.Ordinal)
            => (false, (_, _) => Probe.EvidenceUpload),
        _ => (false, null),
    };

    private static string Name(JsonObject parameter) => parameter["name"]!.GetValue<string>();

    private static string? Value(string name, JsonNode? schema, string template, string pathSoFar, string unit, ProbeValues values, JsonNode document, bool required)
    {
        if (ProbeValues.IsUnit(name, template)) return unit;
        if (values.Plain(name, template) is { } plain) return plain;
        if (name is "fileId") return values.ThanhHoa.EvidenceFile.ToString();
        if (name is "entityId" or "submissionId") return values.ThanhHoa.Submission.ToString();
        if (name is "assignmentId") return values.ThanhHoa.Assignment.ToString();
        if (name is "id")
        {
            // The collection the id follows: /submissions/{id}, /runs/{id}, /bonuses/{id}… (for ?id=, the last segment).
            var at = pathSoFar.IndexOf("{id}", StringComparison.Ordinal);
            var before = (at < 0 ? pathSoFar : pathSoFar[..at]).TrimEnd('/');
            var collection = before[(before.LastIndexOf('/') + 1)..];
            return Type(schema, document) == "string" && Format(schema, document) != "uuid" && collection == "frameworks"
                ? "monthly-4585" : values.IdAfter(collection).ToString();
        }
        if (!required) return null;
        return Type(schema, document) switch
        {
            "integer" or "number" => "1",
            "boolean" => "true",
            _ when Format(schema, document) == "uuid" => values.ThanhHoa.Submission.ToString(),
            _ when name is "code" => "thanh-hoa",
            _ => "1",
        };
    }

    /// <summary>A JSON value for <paramref name="schema"/>: Thanh Hóa's codes and ids where a property names a unit or an id, plain values elsewhere.</summary>
    private static JsonNode? Generate(JsonNode? schema, JsonNode document, string unit, ProbeValues values, string template, int depth)
    {
        schema = Resolve(schema, document);
        if (schema is null || depth > 5) return null;
        if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices)
            return Generate(choices.FirstOrDefault(c => Type(c, document) != "null"), document, unit, values, template, depth + 1);
        if (schema["enum"] is JsonArray { Count: > 0 } options) return options.FirstOrDefault(o => o is not null)?.DeepClone();
        switch (Type(schema, document))
        {
            case "object" or null when schema["properties"] is JsonObject properties:
                var result = new JsonObject();
                foreach (var (name, property) in properties)
                    result[name] = Property(name, property, document, unit, values, template, depth);
                return result;
            case "object":
                return schema["additionalProperties"] is JsonObject additional
                    ? new JsonObject { ["A.due"] = Generate(additional, document, unit, values, template, depth + 1) ?? 1 }
                    : new JsonObject();
            case "array":
                return new JsonArray(Generate(schema["items"], document, unit, values, template, depth + 1));
            case "integer" or "number":
                return 1;
            case "boolean":
                return true;
            case "string":
                return Format(schema, document) switch
                {
                    "uuid" => values.ThanhHoa.Submission.ToString(),
                    "date" => "2026-04-30",
                    "date-time" => "2026-04-30T10:00:00+07:00",
                    _ => "Thử",
                };
            default:
                return null;
        }
    }

    private static JsonNode? Property(string name, JsonNode? schema, JsonNode document, string unit, ProbeValues values, string template, int depth)
    {
        if (ProbeValues.IsUnit(name, template)) return Type(schema, document) == "array" ? new JsonArray(unit) : unit;
        if (values.Plain(name, template) is { } plain)
            return Type(schema, document) is "integer" or "number" && int.TryParse(plain, out var number) ? number : plain;
        if (name is "submissionId" or "entityId") return values.ThanhHoa.Submission.ToString();
        if (name is "assignmentId") return values.ThanhHoa.Assignment.ToString();
        if (name is "bonusId") return values.ThanhHoa.Bonus.ToString();
        if (name is "due" or "dueDate" or "until") return Format(schema, document) == "date-time" ? "2026-05-10T17:00:00+07:00" : "2026-05-10";
        return Generate(schema, document, unit, values, template, depth + 1);
    }

    private static bool MentionsUnit(JsonNode? schema, JsonNode document, int depth)
    {
        schema = Resolve(schema, document);
        if (schema is null || depth > 4) return false;
        if (schema["properties"] is JsonObject properties)
            return properties.Any(p => ProbeValues.IsUnit(p.Key, "") || MentionsUnit(p.Value, document, depth + 1));
        return (schema["items"] ?? (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"])?.AsArray().FirstOrDefault()) is { } inner
            && MentionsUnit(inner, document, depth + 1);
    }

    private static JsonObject Resolve(JsonObject node, JsonNode document) => (JsonObject)Resolve((JsonNode)node, document)!;

    private static JsonNode? Resolve(JsonNode? node, JsonNode document)
    {
        for (var hops = 0; hops < 10 && node?["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }
        return node;
    }

    /// <summary>The schema's type; OpenAPI 3.1 may give it as an array with "null" (nullable), and .NET may add "string" to numbers (pattern).</summary>
    private static string? Type(JsonNode? schema, JsonNode document)
    {
        schema = Resolve(schema, document);
        return schema?["type"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonArray types => types.Select(t => t!.GetValue<string>()).Where(t => t != "null")
                .OrderBy(t => t == "string" ? 1 : 0).FirstOrDefault() ?? "null",
            _ => schema?["properties"] is not null ? "object" : null,
        };
    }

    private static string? Format(JsonNode? schema, JsonNode document) => Resolve(schema, document)?["format"]?.GetValue<string>();
}

/// <summary>A caller of Lào Cai: a signed-in browser (session cookie, <c>X-CSRF</c>) or the source system's bearer token.</summary>
internal sealed class Caller(string name, Uri gateway, GatewayBrowser? browser, HttpClient? machine) : IDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Name => name;

    /// <summary>Sends the probe; a 429 of the gateway's rate limit waits what <c>Retry-After</c> says and sends it again.</summary>
    public async Task<Answer> SendAsync(Probe probe, string ifMatch = "\"1\"")
    {
        while (true)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), new Uri(gateway, probe.Path)) { Content = probe.Content() };
            // Past a version check to the lookup: a stale version must not answer 412 for a foreign id either.
            if (probe.Method is "PUT" or "DELETE" or "PATCH") request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            if (probe.Path.Contains("/machine/", StringComparison.Ordinal)) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            if (browser is not null)
            {
                if (probe.Method != "GET") request.Headers.Add("X-CSRF", "1");
                var cookie = browser.Cookies.GetCookieHeader(request.RequestUri!);
                if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
            }
            else
            {
                request.Headers.Authorization = machine!.DefaultRequestHeaders.Authorization;
            }
            using var response = await Http.SendAsync(request, Ct);
            if (browser is not null && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                foreach (var setCookie in setCookies) browser.Cookies.SetCookies(request.RequestUri!, setCookie);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
                await Task.Delay(wait < TimeSpan.FromMinutes(2) ? wait : TimeSpan.FromMinutes(2), Ct);
                continue;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            var type = response.Content.Headers.ContentType?.MediaType;
            return bytes is [(byte)'P', (byte)'K', ..]
                ? new Answer(probe, response.StatusCode, Unzipped(bytes), "text/plain")
                : new Answer(probe, response.StatusCode, Encoding.UTF8.GetString(bytes), type);
        }
    }

    /// <summary>An Excel file's text: every XML part (shared strings, sheets) one after another.</summary>
    private static string Unzipped(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open());
            // Cells and strings become separate words, so that a number in <v>4217</v> stands alone.
            text.Append(reader.ReadToEnd().Replace("<", " <", StringComparison.Ordinal).Replace(">", "> ", StringComparison.Ordinal)).Append('\n');
        }
        return text.ToString();
    }

    public void Dispose()
    {
        browser?.Dispose();
        machine?.Dispose();
    }
}

/// <summary>
/// Each service database's tables: their row counts, and a hash of the rows that mention Thanh Hóa (its code, name as
/// people and as JSON write it, its records' ids, its people): if the hash of any table changes, something of Thanh Hóa's
/// was written, or an event about it put in an outbox.
/// </summary>
internal static class DatabaseSnapshot
{
    public static readonly string[] Databases = ["intakedb", "monthlyscoringdb", "dxindexdb", "notificationsdb", "reportingdb"];

    /// <summary>
    /// What the platform writes by itself as its clock moves, whoever calls: intake's obligations announcer recomputes
    /// every minute what is owed for the periods open "now" (and the clock of the harness runs on from the instant the
    /// test set), publishes <c>ObligationsAnnounced</c>, and notifications and reporting derive their owed reports,
    /// reminder jobs and reminders from it. No request of a caller reaches these tables or rows, so they are not
    /// counted as writes.
    /// </summary>
    private static readonly string[] ClockDrivenTables =
    [
        "intakedb:public.announced_obligations", "notificationsdb:public.obligation_sets", "notificationsdb:public.owed_reports",
        "notificationsdb:public.scheduled_jobs", "reportingdb:public.obligation_sets", "reportingdb:public.owed_reports",
    ];

    private const string ClockDrivenRows = "ObligationsAnnounced|deadline-reminder|deadline-escalation|focal-points-missing|escalation-leader|escalation-reviewer";

    /// <summary>A table's row count and the hashes (md5 of the row as text) of its rows that mention Thanh Hóa.</summary>
    public sealed record Table(long Rows, IReadOnlySet<string> ThanhHoaRows);

    public static async Task<Dictionary<string, Table>> TakeAsync(AspirePlatform platform, IEnumerable<string> markers)
    {
        // A POSIX regular expression, case-insensitive: every character that is not a letter or digit escaped.
        var pattern = string.Join('|', markers.Select(m => string.Concat(m.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "\\" + c))));
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            await using var connection = new Npgsql.NpgsqlConnection(await platform.ConnectionStringAsync(database));
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var names = new List<string>();
            await using (var list = new Npgsql.NpgsqlCommand(
                "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
                "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
                while (await reader.ReadAsync(TestContext.Current.CancellationToken)) names.Add(reader.GetString(0));
            foreach (var name in names)
            {
                long rows;
                await using (var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {name}", connection))
                    rows = (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
                var hashes = new HashSet<string>(StringComparer.Ordinal);
                if (ClockDrivenTables.Contains($"{database}:{name}"))
                {
                    tables[$"{database}:{name}"] = new Table(rows, hashes);
                    continue;
                }
                await using (var select = new Npgsql.NpgsqlCommand($"SELECT md5(t::text) FROM {name} t WHERE t::text ~* @p AND t::text !~ @clock", connection))
                {
                    select.Parameters.AddWithValue("p", pattern);
                    select.Parameters.AddWithValue("clock", ClockDrivenRows);
                    await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                    while (await reader.ReadAsync(TestContext.Current.CancellationToken)) hashes.Add(reader.GetString(0));
                }
                tables[$"{database}:{name}"] = new Table(rows, hashes);
            }
        }
        return tables;
    }

    /// <summary>
    /// Per table, the rows mentioning Thanh Hóa that changed or vanished and those that appeared — except appeared rows
    /// of <paramref name="mayAdd"/>, tables where a Lào Cai caller may by design create a row that mentions every province.
    /// </summary>
    public static IReadOnlyList<string> Changes(Dictionary<string, Table> before, Dictionary<string, Table> after, IReadOnlySet<string>? mayAdd = null)
    {
        var changes = new List<string>();
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.TryGetValue(table, out var b) ? b.ThanhHoaRows : new HashSet<string>();
            var now = after.TryGetValue(table, out var a) ? a.ThanhHoaRows : new HashSet<string>();
            var gone = old.Count(h => !now.Contains(h));
            var added = mayAdd?.Contains(table) == true ? 0 : now.Count(h => !old.Contains(h));
            if (gone > 0 || added > 0) changes.Add($"{table}: {gone} row(s) of Thanh Hóa changed or deleted, {added} row(s) naming Thanh Hóa added");
        }
        return changes;
    }

    /// <summary>Rows added in the whole of the databases (anything, in any scope), per table.</summary>
    public static IEnumerable<(string Table, long Added)> Growth(Dictionary<string, Table> before, Dictionary<string, Table> after) =>
        after.Where(t => t.Value.Rows != (before.TryGetValue(t.Key, out var b) ? b.Rows : 0))
            .Select(t => (t.Key, t.Value.Rows - (before.TryGetValue(t.Key, out var b) ? b.Rows : 0)));
}
