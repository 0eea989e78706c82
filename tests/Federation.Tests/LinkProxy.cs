using System.Net;
using System.Net.Sockets;

namespace Platform.Federation.Tests;

/// <summary>
/// The network between the province and the centre: a TCP relay on 127.0.0.1 the test can <see cref="Cut"/> (every open
/// connection is dropped and new ones are refused) and <see cref="Restore"/> (on the same port).
/// </summary>
internal sealed class LinkProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public LinkProxy(int target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }
    public int Connections { get; private set; }

    public void Restore()
    {
        if (_listener is not null) return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // Reset rather than close: the far side sees the link drop, as when a cable is pulled.
                try { client.Client?.LingerState = new LingerOption(true, 0); }
                catch (ObjectDisposedException) { }
                catch (SocketException) { }
                client.Dispose();
            }
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(stop); }
            catch (Exception) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(IPAddress.Loopback, _target, stop); }
            catch (Exception)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }
            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
                Connections++;
            }
            _ = PumpAsync(inbound, outbound, stop);
        }
    }

    private static async Task PumpAsync(TcpClient a, TcpClient b, CancellationToken stop)
    {
        try
        {
            await Task.WhenAny(a.GetStream().CopyToAsync(b.GetStream(), stop), b.GetStream().CopyToAsync(a.GetStream(), stop));
        }
        catch (Exception)
        {
            // The link was cut.
        }
        a.Dispose();
        b.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
