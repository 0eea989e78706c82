using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.MailCatcher;

/// <summary>The catcher's two pages, in Vietnamese: the list (newest first) and one message (text and HTML).</summary>
internal static class Pages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static ContentHttpResult List(CaughtMail mail)
    {
        var messages = mail.All();
        var body = new StringBuilder();
        body.Append("<h1>Thư đã gửi (môi trường phát triển)</h1>")
            .Append("<p>Mọi thư điện tử nền tảng gửi đi trong môi trường phát triển dừng ở đây, không đến người nhận thật. ")
            .Append(messages.Count.ToString(CultureInfo.InvariantCulture)).Append(" thư.</p>")
            .Append("<form method=\"post\" action=\"/xoa\"><button type=\"submit\">Xóa tất cả</button></form>");
        if (messages.Count == 0) body.Append("<p><em>Chưa có thư nào.</em></p>");
        else
        {
            body.Append("<table><thead><tr><th>Thời gian</th><th>Người nhận</th><th>Tiêu đề</th></tr></thead><tbody>");
            foreach (var m in messages)
                body.Append("<tr><td>").Append(Time(m.ReceivedAt)).Append("</td><td>").Append(E(string.Join(", ", m.To)))
                    .Append("</td><td><a href=\"/thu/").Append(m.Id).Append("\">").Append(E(m.Subject)).Append("</a></td></tr>");
            body.Append("</tbody></table>");
        }
        return Page("Thư đã gửi", body.ToString());
    }

    public static Results<ContentHttpResult, NotFound<string>> One(int id, CaughtMail mail)
    {
        if (mail.Find(id) is not { } m) return TypedResults.NotFound("Không tìm thấy thư này (có thể đã bị xóa).");
        var body = new StringBuilder();
        body.Append("<p><a href=\"/\">← Danh sách thư</a></p><h1>").Append(E(m.Subject)).Append("</h1><dl>")
            .Append("<dt>Người gửi</dt><dd>").Append(E(m.From ?? "")).Append("</dd>")
            .Append("<dt>Người nhận</dt><dd>").Append(E(string.Join(", ", m.To))).Append("</dd>")
            .Append("<dt>Thời gian</dt><dd>").Append(Time(m.ReceivedAt)).Append("</dd>")
            .Append("<dt>Message-ID</dt><dd><code>").Append(E(m.MessageId ?? "")).Append("</code></dd></dl>");
        if (m.Html is not null)
            body.Append("<h2>Bản HTML</h2><iframe sandbox title=\"Bản HTML của thư\" srcdoc=\"").Append(E(m.Html)).Append("\"></iframe>");
        body.Append("<h2>Bản văn bản</h2><pre>").Append(E(m.Text ?? "")).Append("</pre>");
        return Page(m.Subject, body.ToString());
    }

    private static string Time(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string E(string s) => Encoder.Encode(s);

    private static ContentHttpResult Page(string title, string body) => TypedResults.Content($"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>{E(title)} — Hộp thư thử nghiệm</title>
        <style>
          body {"{"} font-family: system-ui, Arial, sans-serif; margin: 2rem; color: #1a1a1a; {"}"}
          table {"{"} border-collapse: collapse; width: 100%; {"}"}
          th, td {"{"} text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; {"}"}
          iframe {"{"} width: 100%; height: 28rem; border: 1px solid #ccc; {"}"}
          pre {"{"} white-space: pre-wrap; background: #f6f6f6; padding: 1rem; {"}"}
          dt {"{"} font-weight: bold; {"}"}
        </style></head>
        <body>{body}</body></html>
        """, "text/html; charset=utf-8");
}
