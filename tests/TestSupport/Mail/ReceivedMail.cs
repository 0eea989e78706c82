using MimeKit;

namespace Platform.TestSupport.Mail;

/// <summary>One message a <see cref="TestSmtpServer"/> accepted: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message, DateTimeOffset ReceivedAt)
{
    public string? MessageId => Message.MessageId;
    public string Subject => Message.Subject ?? "";
    public string? Text => Message.TextBody;
    public string? Html => Message.HtmlBody;
}
