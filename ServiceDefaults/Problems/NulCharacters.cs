using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Refuses text carrying the NUL character (U+0000) before an endpoint sees it: PostgreSQL cannot store it in a text
/// column, so it would otherwise end as a 500 deep in a save. A route value or query parameter holding it, or a JSON body
/// with a string (or property name) holding it, is a 400 naming that field — the JSON path in the body, as
/// <see cref="RequestProblems"/> names fields. Bodies are read only by endpoints that bind one (<see cref="IAcceptsMetadata"/>,
/// not the gateway's proxy), and walked only when their bytes contain the escape <c>\u0000</c> (a raw NUL is invalid JSON).
/// </summary>
public static class NulCharacters
{
    private const string Message = "Văn bản không được chứa ký tự NUL (U+0000).";

    public static IApplicationBuilder UseNulRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var field = InRouteOrQuery(context) ?? await InJsonBodyAsync(context);
        if (field is null)
        {
            await next(context);
            return;
        }
        await ApiProblems.Invalid(field, $"Giá trị của «{field}» không hợp lệ: {Message}").ExecuteAsync(context);
    });

    private static string? InRouteOrQuery(HttpContext context)
    {
        foreach (var (key, value) in context.Request.RouteValues)
            if (value is string text && text.Contains('\0')) return key;
        foreach (var (key, values) in context.Request.Query)
        {
            if (key.Contains('\0')) return Printable(key);
            foreach (var value in values)
                if (value is not null && value.Contains('\0')) return key;
        }
        return null;
    }

    private static async Task<string?> InJsonBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType() || context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null) return null;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return json.IndexOf("\\u0000"u8) < 0 ? null : PathOfNul(json);
    }

    /// <summary>The path of the first string or property name holding NUL, or null (also for JSON the binder will refuse).</summary>
    internal static string? PathOfNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        // One frame per open object or array: the current property name, or the index of the current element.
        var frames = new List<(bool Array, int Index, string? Name)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        frames[^1] = frames[^1] with { Name = name };
                        if (name.Contains('\0')) return PathOf(frames, Printable(name));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }
                if (frames.Count > 0 && frames[^1].Array) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0'))
                    return PathOf(frames, null);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or not UTF-8: the binder answers that itself, naming what it can.
        }
        return null;
    }

    private static string PathOf(List<(bool Array, int Index, string? Name)> frames, string? last)
    {
        var path = new StringBuilder();
        foreach (var (array, index, name) in last is null ? frames : frames[..^1])
            path.Append(path.Length > 0 ? "." : "").Append(array ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : name);
        if (last is not null) path.Append(path.Length > 0 ? "." : "").Append(last);
        return path.Length == 0 ? RequestProblems.Body : path.ToString();
    }

    private static string Printable(string text) => text.Replace("\0", "\\u0000", StringComparison.Ordinal);
}
