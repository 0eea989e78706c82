using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Web.Api;

/// <summary>
/// The services, called through the gateway as the signed-in person: the browser's session cookie is passed on
/// (the gateway swaps it for the access token) and unsafe methods carry <c>X-CSRF: 1</c>, which the gateway requires
/// of cookie-authenticated calls. Answers are read into <see cref="ApiResult{T}"/>: the value, or the service's
/// Vietnamese problem details with the offending fields. Never retried automatically: a POST must not run twice.
/// </summary>
public sealed class PlatformApi(HttpClient http, IHttpContextAccessor accessor)
{
    /// <summary>The gateway's session cookie (<c>GatewaySession.CookieName</c>).</summary>
    public const string SessionCookie = "platform.session";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, content: null, headers: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Json), headers: null, cancellationToken);

    /// <summary>A body that is already JSON text (a framework definition as its administrator wrote it), sent as it is.</summary>
    public Task<ApiResult<T>> PostJsonAsync<T>(string path, string json, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), headers: null, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, string? ifMatch, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json),
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch }, cancellationToken);

    /// <summary>A file as multipart/form-data field <c>file</c> (and optional extra fields).</summary>
    public Task<ApiResult<T>> PostFileAsync<T>(string path, Stream file, string fileName, string contentType,
        IReadOnlyDictionary<string, string>? fields = null, CancellationToken cancellationToken = default)
    {
        var form = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        return SendAsync<T>(HttpMethod.Post, path, form, headers: null, cancellationToken);
    }

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content,
        IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var browser = accessor.HttpContext?.Request;
        if (browser?.Cookies[SessionCookie] is { Length: > 0 } session) request.Headers.Add("Cookie", $"{SessionCookie}={session}");
        if (browser?.Headers["X-Correlation-Id"].ToString() is { Length: > 0 } correlation) request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlation);
        // The browser's address as the gateway saw it: the gateway counts the person's calls there, not at this process.
        if (browser?.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwardedFor) request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        if (method != HttpMethod.Get && method != HttpMethod.Head) request.Headers.Add("X-CSRF", "1");
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ApiResult<T>(HttpStatusCode.BadGateway, default, ApiProblem.Unreachable, null);
        }
        using (response)
        {
            var etag = response.Headers.ETag?.ToString();
            if (response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(NoContent)) return new ApiResult<T>(response.StatusCode, default, null, etag);
                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return new ApiResult<T>(response.StatusCode, value, null, etag);
            }
            return new ApiResult<T>(response.StatusCode, default, await ApiProblem.ReadAsync(response, cancellationToken), etag);
        }
    }
}

/// <summary>For calls whose answer has no body worth reading.</summary>
public sealed record NoContent;

public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, ApiProblem? Problem, string? ETag)
{
    public bool Ok => Problem is null;

    public bool SignedOut => Status == HttpStatusCode.Unauthorized;
}

/// <summary>RFC 7807 problem details as the services write them (Vietnamese title/detail, offending fields in <c>errors</c>).</summary>
public sealed record ApiProblem(string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The document's other members (e.g. intake's import report <c>cells</c>), as JSON.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>One extension member read as <typeparamref name="T"/>, default when absent or of another shape.</summary>
    public T? Extension<T>(string name)
    {
        if (!Extensions.TryGetValue(name, out var value)) return default;
        try
        {
            return value.Deserialize<T>(PlatformApi.Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static readonly ApiProblem Unreachable = new(
        "Không kết nối được dịch vụ",
        "Hệ thống đang bận hoặc tạm thời không truy cập được. Vui lòng thử lại sau ít phút.",
        new Dictionary<string, string[]>());

    /// <summary>The messages for one field (input key), empty when it has none.</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<Body>(PlatformApi.Json, cancellationToken);
            if (body?.Title is { Length: > 0 } title)
                return new ApiProblem(title, body.Detail, body.Errors ?? new Dictionary<string, string[]>())
                {
                    Extensions = body.Extensions ?? new Dictionary<string, JsonElement>(),
                };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a problem document: described by the status below.
        }
        return new ApiProblem(Describe(response.StatusCode), null, new Dictionary<string, string[]>());
    }

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
        HttpStatusCode.Forbidden => "Bạn không có quyền thực hiện thao tác này.",
        HttpStatusCode.NotFound => "Không tìm thấy dữ liệu.",
        HttpStatusCode.TooManyRequests => "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau.",
        _ when (int)status >= 500 => "Hệ thống gặp sự cố. Vui lòng thử lại sau.",
        _ => "Yêu cầu không hợp lệ.",
    };

    private sealed record Body(string? Title, string? Detail, Dictionary<string, string[]>? Errors)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extensions { get; init; }
    }
}
