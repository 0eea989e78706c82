using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Platform.MailCatcher;

/// <summary>The SMTP side: accepts every message on <c>MailCatcher:SmtpPort</c> (loopback) and keeps it in <see cref="CaughtMail"/>.</summary>
public sealed partial class SmtpListener(CaughtMail mail, IConfiguration configuration, ILogger<SmtpListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = configuration.GetValue("MailCatcher:SmtpPort", 2525);
        var options = new SmtpServerOptionsBuilder().ServerName("mailcatcher")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServerProvider();
        services.Add(new Store(mail, logger));
        LogListening(logger, port);
        await new SmtpServer.SmtpServer(options, services).StartAsync(stoppingToken);
    }

    private sealed class Store(CaughtMail mail, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var caught = mail.Add([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message, DateTimeOffset.UtcNow);
            var to = string.Join(", ", caught.To);
            LogCaught(logger, caught.Id, to, caught.Subject);
            return SmtpResponse.Ok;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP catcher listening on 127.0.0.1:{Port}")]
    private static partial void LogListening(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught message {Id} to {To}: {Subject}")]
    private static partial void LogCaught(ILogger logger, int id, string to, string subject);
}
