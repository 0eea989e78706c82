using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.TestSupport;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A request ASP.NET cannot bind (issue 20, bad input) is answered, in Production as in Development, with a Vietnamese
/// problem whose <c>errors</c> names the field: the JSON path, the parameter, <c>body</c> or <c>Content-Type</c>.
/// The endpoints are public: binding is what is tested, and the platform's fallback policy would ask for a token first.
/// </summary>
public sealed class BindingProblemsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Inner(int Due);

    public sealed record Payload(int Count, Inner? Inner, string? Name);

    public sealed record Listed(List<string> Codes);

    public sealed record Strict
    {
        public required string Code { get; init; }
    }

    public static TheoryData<string, string, string, string, int, string> Cases => new()
    {
        { "POST", "/body", """{"count":"abc"}""", "application/json", 400, "count" },
        { "POST", "/body", """{"count":1,"inner":{"due":"x"}}""", "application/json", 400, "inner.due" },
        { "POST", "/body", """{"count":1e400}""", "application/json", 400, "count" },
        { "POST", "/body", "{not json", "application/json", 400, "body" },
        { "POST", "/body", "", "application/json", 400, "body" },
        { "POST", "/body", string.Concat(Enumerable.Repeat("[", 10_000)), "application/json", 400, "body" },
        { "POST", "/body", """{"count":1}""", "text/plain", 415, "Content-Type" },
        { "POST", "/strict", "{}", "application/json", 400, "code" },
        { "POST", "/small", """{"count":1,"name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""", "application/json", 413, "body" },
        { "GET", "/query?page=abc", "", "", 400, "page" },
        { "GET", "/query", "", "", 400, "page" },
        // PostgreSQL cannot store NUL in text: refused before any handler, naming where it was.
        { "POST", "/body", """{"count":1,"name":"a\u0000b"}""", "application/json", 400, "name" },
        { "POST", "/list", """{"codes":["ok","b\u0000"]}""", "application/json", 400, "codes.1" },
        { "GET", "/query?page=1&q=a%00", "", "", 400, "q" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_request_that_cannot_be_bound_is_a_vietnamese_problem_naming_the_field(string method, string path, string body, string contentType, int status, string field)
    {
        await using var app = await DefaultsApp.StartAsync(a =>
        {
            a.MapPost("/body", (Payload payload) => payload.Count).AllowAnonymous();
            a.MapPost("/strict", (Strict strict) => strict.Code).AllowAnonymous();
            a.MapPost("/small", (Payload payload) => payload.Count).WithMetadata(new RequestSizeLimitAttribute(64)).AllowAnonymous();
            a.MapGet("/query", (int page) => page).AllowAnonymous();
            a.MapPost("/list", (Listed listed) => listed.Codes.Count).AllowAnonymous();
        }, environment: "Production", kestrel: true, cancellationToken: Ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = problem.RootElement;
        Assert.Contains(root.GetProperty("title").GetString()!, c => c > 127);
        Assert.Contains(root.GetProperty("detail").GetString()!, c => c > 127);
        var errors = root.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(errors.GetProperty(field)[0].GetString()!, c => c > 127);
    }

    [Fact]
    public async Task Text_that_only_looks_like_an_escaped_NUL_is_accepted()
    {
        await using var app = await DefaultsApp.StartAsync(a => a.MapPost("/body", (Payload payload) => payload.Name).AllowAnonymous(),
            environment: "Production", kestrel: true, cancellationToken: Ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.PostAsync("/body",
            new StringContent("""{"count":1,"name":"C:\\u0000"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("C:\\u0000", await response.Content.ReadAsStringAsync(Ct));
    }
}
