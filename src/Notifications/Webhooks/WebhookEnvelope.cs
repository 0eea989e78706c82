using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// The body of a delivery: <c>{"messageId": …, "event": "ScoresPublished", "message": {…}}</c>, where <c>message</c> is the
/// event exactly as docs/events.md documents it (camelCase, decimals as numbers). The message id and the type are in the
/// body, not only in headers, so the signature covers them.
/// </summary>
public static class WebhookEnvelope
{
    public static string Create<T>(Guid messageId, T message) where T : class =>
        new JsonObject
        {
            ["messageId"] = messageId.ToString("D"),
            ["event"] = typeof(T).Name,
            ["message"] = JsonSerializer.SerializeToNode(message, JsonSerializerOptions.Web),
        }.ToJsonString();

    /// <summary>The event type of a body this service wrote.</summary>
    public static string EventOf(string body) => Read(body).Event;

    public static (string Event, Guid MessageId) Read(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return (root.GetProperty("event").GetString() ?? "", root.GetProperty("messageId").GetGuid());
    }
}
