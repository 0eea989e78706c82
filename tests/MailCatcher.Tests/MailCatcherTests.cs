using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using Platform.MailCatcher;

namespace Platform.MailCatcher.Tests;

public sealed class MailCatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mail_sent_over_smtp_is_listed_newest_first_shown_with_its_text_and_html_and_cleared()
    {
        var port = FreePort();
        await using var catcher = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("MailCatcher:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var http = catcher.CreateClient();

        await SendAsync(port, "hang@laocai.gov.vn", "Báo cáo tháng 11/2026 bị trả lại", "Lý do: thiếu số liệu.", "<p>Lý do: <b>thiếu số liệu</b>.</p>", "abc@platform.local");
        await SendAsync(port, "minh@laocai.gov.vn", "Kết quả đã được công bố", "Xem kết quả.", null, "def@platform.local");

        var messages = (await http.GetFromJsonAsync<List<MessageView>>("/api/messages", Ct))!;
        Assert.Equal(["Kết quả đã được công bố", "Báo cáo tháng 11/2026 bị trả lại"], messages.Select(m => m.Subject));
        var returned = messages[1];
        Assert.Equal(["hang@laocai.gov.vn"], returned.To);
        Assert.Equal("abc@platform.local", returned.MessageId);
        Assert.Contains("Lý do: thiếu số liệu.", returned.Text);
        Assert.Contains("<b>thiếu số liệu</b>", returned.Html);

        var list = await http.GetStringAsync("/", Ct);
        Assert.Contains("Thư đã gửi", list);
        Assert.Contains("Báo cáo tháng 11/2026 bị trả lại", list);
        Assert.True(list.IndexOf("Kết quả đã được công bố", StringComparison.Ordinal) < list.IndexOf("Báo cáo tháng 11/2026", StringComparison.Ordinal));
        var one = await http.GetStringAsync($"/thu/{returned.Id}", Ct);
        Assert.Contains("Lý do: thiếu số liệu.", one);
        Assert.Contains("Bản HTML", one);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/thu/999", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/messages", Ct)).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<List<MessageView>>("/api/messages", Ct))!);
        Assert.Contains("Chưa có thư nào", await http.GetStringAsync("/", Ct));
    }

    private static async Task SendAsync(int port, string to, string subject, string text, string? html, string messageId)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId };
        message.From.Add(new MailboxAddress("Nền tảng", "thongbao@platform.local"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        using var smtp = new SmtpClient();
        // The listener starts with the host; the first connection may come before it listens.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await smtp.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, Ct);
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100, Ct);
            }
        }
        await smtp.SendAsync(message, Ct);
        await smtp.DisconnectAsync(true, Ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
