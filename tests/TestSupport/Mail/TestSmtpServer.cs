using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Platform.TestSupport.Mail;

/// <summary>
/// A real SMTP server in the test process (SmtpServer), on a free port of the loopback interface. It keeps every message
/// it accepts (<see cref="Messages"/>, parsed with MimeKit), and can be told to refuse (a temporary 451 to the message
/// data, as a busy server does) or to hang at <c>RCPT TO</c> for one recipient until the test releases it, so a test can
/// kill the sender in the middle of a conversation: a message is kept only when the server answered its data with 250.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private volatile bool _refusing;
    private volatile string? _hangFor;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public static TestSmtpServer Start() => new(FreePort());

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>What a service needs to send here (<c>Notifications:Email:*</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings(string prefix = "Notifications:Email") => new Dictionary<string, string>
    {
        [$"{prefix}:Host"] = Host,
        [$"{prefix}:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}:UseTls"] = "false",
    };

    /// <summary>Every accepted message, in the order accepted.</summary>
    public IReadOnlyList<ReceivedMail> Messages => _messages.ToArray();

    /// <summary>While true, every message's data is answered <c>451</c> (try again later) and not kept.</summary>
    public bool Refusing { get => _refusing; set => _refusing = value; }

    /// <summary>The next conversation that names <paramref name="recipient"/> stops at <c>RCPT TO</c> until <see cref="Release"/>.</summary>
    public void HangOn(string recipient)
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hangFor = recipient.ToLowerInvariant();
    }

    /// <summary>Completes when a conversation is hanging (see <see cref="HangOn"/>).</summary>
    public Task Hanging => _hanging.Task;

    /// <summary>Lets the hanging conversation go on, and stops hanging.</summary>
    public void Release()
    {
        _hangFor = null;
        _release.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { /* stopped */ }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Refusing) return new SmtpResponse((SmtpReplyCode)451, "Requested action aborted: try again later");
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}".ToLowerInvariant()).ToList();
            server._messages.Enqueue(new ReceivedMail(to, message, DateTimeOffset.UtcNow));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server._hangFor is { } address && string.Equals($"{to.User}@{to.Host}", address, StringComparison.OrdinalIgnoreCase))
            {
                server._hanging.TrySetResult();
                await server._release.Task;
            }
            return true;
        }
    }
}
