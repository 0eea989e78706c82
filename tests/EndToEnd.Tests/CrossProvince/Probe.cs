using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEnd.Tests.CrossProvince;

/// <summary>One request a caller of one province makes for another province's resource, and the status it must get.</summary>
/// <param name="Body">JSON body, or <see cref="Probe.EvidenceUpload"/> for a multipart evidence file.</param>
internal sealed record Probe(string Method, string Path, HttpStatusCode Expected, object? Body = null)
{
    /// <summary>Marks a probe that uploads an evidence file (multipart/form-data).</summary>
    public static readonly object EvidenceUpload = new();

    public override string ToString() => $"{Method} {Path}";

    public string Request => Body is null || Body == EvidenceUpload ? ToString() : $"{this} {JsonSerializer.Serialize(Body, JsonSerializerOptions.Web)}";

    public HttpContent? Content() =>
        Body is null ? null
        : Body == EvidenceUpload ? new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
                { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "thu.pdf" },
        }
        : new StringContent(JsonSerializer.Serialize(Body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
}

/// <summary>What came back: status, body and content type.</summary>
internal sealed record Answer(Probe Probe, HttpStatusCode Status, string Body, string? ContentType);

/// <summary>Runs probes through the gateway and finds what of the other province an answer gives away.</summary>
internal static partial class Probes
{
    /// <summary>As a signed-in browser: the session cookie, and <c>X-CSRF: 1</c> on unsafe methods as the web app sends it.</summary>
    public static async Task<IReadOnlyList<Answer>> SendAsync(GatewayBrowser browser, IEnumerable<Probe> probes)
    {
        var answers = new List<Answer>();
        foreach (var probe in probes)
        {
            using var content = probe.Content();
            var page = await browser.SendAsync(new HttpMethod(probe.Method), probe.Path, content, probe.Method == "GET" ? null : GatewayBrowser.Csrf);
            answers.Add(new Answer(probe, page.Status, page.Body, page.ContentType));
        }
        return answers;
    }

    /// <summary>As a machine client with its own bearer token.</summary>
    public static async Task<IReadOnlyList<Answer>> SendAsync(HttpClient client, IEnumerable<Probe> probes)
    {
        var answers = new List<Answer>();
        foreach (var probe in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path) { Content = probe.Content() };
            if (probe.Path.Contains("/machine/", StringComparison.Ordinal)) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add(new Answer(probe, response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                response.Content.Headers.ContentType?.MediaType));
        }
        return answers;
    }

    public static IReadOnlyList<string> Expected(IEnumerable<Probe> probes) => [.. probes.Select(p => $"{p} → {(int)p.Expected}")];

    public static IReadOnlyList<string> Statuses(IEnumerable<Answer> answers) => [.. answers.Select(a => $"{a.Probe} → {(int)a.Status}")];

    /// <summary>
    /// Each marker of the other province (<paramref name="texts"/>: codes, names, ids, people, free text;
    /// <paramref name="numbers"/>: reported values) found in an answer but not in the request that asked for it:
    /// repeating the code the caller sent ("không tìm thấy đơn vị 'thanh-hoa'") tells nothing, anything else does.
    /// JSON is read value by value, so escaped Vietnamese (<c>H\u00f3a</c>) is found too.
    /// </summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<Answer> answers, IReadOnlyCollection<string> texts, IReadOnlyCollection<decimal> numbers)
    {
        var leaks = new List<string>();
        foreach (var answer in answers)
        {
            var (strings, values) = Read(answer);
            var request = answer.Probe.Request;
            leaks.AddRange(texts.Where(t => !request.Contains(t, StringComparison.OrdinalIgnoreCase)
                    && strings.Any(s => s.Contains(t, StringComparison.OrdinalIgnoreCase)))
                .Select(t => $"{answer.Probe} gives away '{t}': {answer.Body}"));
            leaks.AddRange(numbers.Where(values.Contains).Select(n => $"{answer.Probe} gives away the value {n}: {answer.Body}"));
        }
        return leaks;
    }

    private static (List<string> Strings, HashSet<decimal> Numbers) Read(Answer answer)
    {
        var strings = new List<string>();
        var numbers = new HashSet<decimal>();
        if (answer.ContentType?.EndsWith("json", StringComparison.Ordinal) == true)
        {
            using var document = JsonDocument.Parse(answer.Body);
            Walk(document.RootElement, strings, numbers);
        }
        else
        {
            strings.Add(answer.Body);
            AddNumbers(answer.Body, numbers);
        }
        return (strings, numbers);
    }

    private static void Walk(JsonElement element, List<string> strings, HashSet<decimal> numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    strings.Add(property.Name);
                    Walk(property.Value, strings, numbers);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, strings, numbers);
                break;
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                AddNumbers(element.GetString()!, numbers);
                break;
            case JsonValueKind.Number:
                numbers.Add(element.GetDecimal());
                break;
        }
    }

    private static void AddNumbers(string text, HashSet<decimal> numbers)
    {
        foreach (Match number in Number().Matches(text)) numbers.Add(decimal.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A number standing alone in text (CSV cells), not part of an id or a longer number.</summary>
    [GeneratedRegex(@"(?<![\w.\-])\d+(\.\d+)?(?![\w.\-])")]
    private static partial Regex Number();
}
