using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Audit;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// POSTs one webhook notification's body to its subscription's URL, signed at send time (so a retry or a replay carries a
/// fresh timestamp). 2xx is delivered; 410 Gone deactivates the subscription and gives up; anything else (another status,
/// a timeout, a refused connection) is retried by the dispatcher. Redirects are not followed.
/// </summary>
public sealed partial class WebhookSender(NotificationsDbContext db, WebhookSecrets secrets, IHttpClientFactory clients,
    TimeProvider time, ILogger<WebhookSender> logger) : IChannelSender
{
    public const string ClientName = "webhooks";
    private const int DetailChars = 500;

    public string Channel => Channels.Webhook;

    public async Task<SendResult> SendAsync(Notification notification, CancellationToken ct)
    {
        var id = WebhookRecipients.SubscriptionOf(notification.Recipient);
        var subscription = id is null ? null : await db.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return new SendResult(false, "Đăng ký webhook không còn tồn tại.", Permanent: true);
        if (!subscription.Active) return new SendResult(false, "Đăng ký webhook đã ngừng hoạt động.", Permanent: true);

        var body = Encoding.UTF8.GetBytes(notification.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Event, WebhookEnvelope.EventOf(notification.Body));
        request.Headers.Add(WebhookHeaders.Delivery, notification.Id.ToString("D"));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets.Unprotect(subscription.ProtectedSecret), time.GetUtcNow().ToUnixTimeSeconds(), body));

        var client = clients.CreateClient(ClientName);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var detail = $"HTTP {(int)response.StatusCode}" + (text.Length == 0 ? "" : ": " + (text.Length > DetailChars ? text[..DetailChars] : text));
            if (response.IsSuccessStatusCode) return new SendResult(true, detail);
            if (response.StatusCode == HttpStatusCode.Gone)
            {
                await DeactivateAsync(subscription, ct);
                return new SendResult(false, detail + " — hệ thống nhận trả lời 410 Gone: đăng ký đã được ngừng hoạt động.", Permanent: true);
            }
            return new SendResult(false, detail);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(false, $"Quá thời gian chờ: không nhận được trả lời sau {watch.Elapsed.TotalSeconds:0} giây.");
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(false, "Lỗi kết nối: " + ex.Message);
        }
    }

    private async Task DeactivateAsync(WebhookSubscription subscription, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        subscription.Active = false;
        subscription.UpdatedAt = now;
        db.Set<AuditEntry>().Add(new AuditEntry(WebhooksApi.AuditEntity, subscription.Id.ToString("D"), "deactivated", "system", now,
            $"Hệ thống nhận ({subscription.Url}) trả lời 410 Gone."));
        await db.SaveChangesAsync(ct);
        LogDeactivated(logger, subscription.Id, subscription.Url);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {Id} answered 410 Gone at {Url}: deactivated")]
    private static partial void LogDeactivated(ILogger logger, Guid id, string url);
}

public static class WebhookHeaders
{
    public const string Event = "Platform-Event";
    public const string Delivery = "Platform-Delivery";
}
