using System.Net;
using System.Text;

namespace Platform.Notifications.Reminders;

/// <summary>A message written once and rendered twice: plain text for the body and the inbox, HTML for e-mail.</summary>
public sealed class MailText
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<div style=\"font-family:Arial,sans-serif;font-size:14px\">");

    public MailText Paragraph(string text)
    {
        if (_text.Length > 0) _text.AppendLine();
        _text.AppendLine(text);
        _html.Append("<p>").Append(WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        return this;
    }

    public MailText List(IEnumerable<string> items)
    {
        _html.Append("<ul>");
        foreach (var item in items)
        {
            _text.Append("- ").AppendLine(item);
            _html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>");
        }
        _html.Append("</ul>");
        return this;
    }

    public MailText Link(string label, string url)
    {
        if (_text.Length > 0) _text.AppendLine();
        _text.Append(label).Append(": ").AppendLine(url);
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>");
        return this;
    }

    public string Text => _text.ToString().TrimEnd();

    public string Html => _html + "</div>";
}
