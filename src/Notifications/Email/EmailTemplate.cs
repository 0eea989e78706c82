using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Email;

/// <summary>What one e-mail says, before it is laid out: the lines, the page that needs action, and why this person gets it.</summary>
/// <param name="Greeting">"Kính gửi Sở Tài chính tỉnh Lào Cai," — whom it addresses.</param>
/// <param name="Lines">Paragraphs, plain text.</param>
/// <param name="Link">The web application's path of the page that needs action, or null.</param>
/// <param name="LinkText">What the link says ("Mở báo cáo").</param>
/// <param name="Why">Why the recipient gets it ("Bạn nhận thư này vì là đầu mối … của đơn vị …").</param>
public sealed record EmailContent(string Greeting, IReadOnlyList<string> Lines, string? Link, string LinkText, string Why);

/// <summary>Lays an <see cref="EmailContent"/> out as plain text and as HTML, with the absolute link and the platform's footer.</summary>
public sealed class EmailTemplate(IOptions<NotificationsOptions> options)
{
    // Vietnamese letters stay letters in the HTML (not &#7889;), so the source of a mail reads as it shows.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);

    public (string Text, string Html) Render(string subject, EmailContent content)
    {
        var settings = options.Value;
        var link = content.Link is null ? null : settings.AbsoluteLink(content.Link);
        var footer = $"Thư này được gửi tự động từ {settings.PlatformName}; vui lòng không trả lời thư này.";

        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var line in content.Lines) text.Append(line).Append("\n\n");
        if (link is not null) text.Append(content.LinkText).Append(": ").Append(link).Append("\n\n");
        text.Append("-- \n").Append(content.Why).Append('\n').Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1a1a1a;max-width:640px\">")
            .Append("<p>").Append(E(content.Greeting)).Append("</p>");
        foreach (var line in content.Lines) html.Append("<p>").Append(E(line).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        if (link is not null)
            html.Append("<p><a href=\"").Append(E(link)).Append("\" style=\"display:inline-block;padding:8px 16px;background:#0b5cab;color:#fff;text-decoration:none;border-radius:4px\">")
                .Append(E(content.LinkText)).Append("</a></p><p style=\"font-size:13px;color:#555\">").Append(E(link)).Append("</p>");
        html.Append("<hr style=\"border:none;border-top:1px solid #ccc\"><p style=\"font-size:13px;color:#555\">").Append(E(content.Why))
            .Append("<br>").Append(E(footer)).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }
}
