using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Email;

/// <summary>
/// Sends one e-mail notification over SMTP (MailKit): plain text with an HTML alternative. The Message-ID is derived from
/// the notification's id, so every attempt of one notification carries the same one. That matters for the one window
/// in which a message can arrive twice: the SMTP server answered 250 but this process died before it recorded
/// <c>sent</c>; after the lease the row is sent again, with the same Message-ID, which mail systems use to drop the
/// repeat. Outside that window a notification is sent once (see docs/notifications.md).
/// </summary>
public sealed class EmailSender(IOptionsMonitor<EmailOptions> options) : IChannelSender
{
    public string Channel => Channels.Email;

    /// <summary>The Message-ID of a notification (without angle brackets).</summary>
    public static string MessageIdOf(Guid notificationId, string from) =>
        $"{notificationId:N}@{(from.Split('@') is [_, var domain] && domain.Length > 0 ? domain : "platform.local")}";

    public async Task<SendResult> SendAsync(Notification notification, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var message = Compose(notification, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            var reply = await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return new SendResult(true, reply);
        }
        catch (SmtpCommandException ex)
        {
            // 5xx to a recipient or to the data is for good (no such mailbox); 4xx and anything else is tried again.
            var permanent = (int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
            return new SendResult(false, $"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SocketException or IOException or SslHandshakeException or AuthenticationException
                                       or ServiceNotConnectedException or TimeoutException)
        {
            return new SendResult(false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static MimeMessage Compose(Notification n, EmailOptions settings)
    {
        var message = new MimeMessage { Subject = n.Subject, MessageId = MessageIdOf(n.Id, settings.From), Date = n.CreatedAt };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(n.RecipientName ?? "", n.Recipient));
        message.Headers.Add("X-Platform-Notification", n.Id.ToString());
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = n.Body };
        if (n.Html is not null) body.HtmlBody = n.Html;
        message.Body = body.ToMessageBody();
        return message;
    }
}
