using System.Runtime.InteropServices;

namespace Platform.AppHost;

/// <summary>
/// Ctrl+C, SIGINT, SIGTERM and SIGHUP ask AppHost to stop everything it started (the signal's default
/// action, ending the process at once, is cancelled). A second signal stops the services without
/// waiting for them to exit gracefully.
/// </summary>
internal sealed partial class Shutdown : IDisposable
{
    private const int SigInt = 2;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _hurry = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public Shutdown()
    {
        ListenToInterruptEvenInBackground();
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    /// <summary>Cancelled on the first signal: start-up is abandoned, supervision ends, everything is stopped.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Cancelled on the second signal: no more waiting for graceful exits.</summary>
    public CancellationToken Hurry => _hurry.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            Output.AppHost($"{context.Signal} received: stopping everything (send it again to stop without waiting)");
            ThreadPool.QueueUserWorkItem(_ => Cancel(_stopping));
        }
        else
        {
            Output.AppHost($"{context.Signal} received again: killing the services without waiting");
            ThreadPool.QueueUserWorkItem(_ => Cancel(_hurry));
        }
    }

    /// <summary>
    /// A shell script that starts AppHost with <c>&amp;</c> makes it ignore SIGINT, and .NET then leaves
    /// SIGINT ignored. AppHost must never ignore it: stopping everything is the point of the signal.
    /// </summary>
    private static void ListenToInterruptEvenInBackground()
    {
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is not null
            && ulong.TryParse(ignored["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            && (mask & (1UL << (SigInt - 1))) != 0)
        {
            _ = signal(SigInt, 0); // SIG_DFL; the registration below then takes the signal
        }
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint signal(int signal, nint handler);

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // AppHost has already finished.
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stopping.Dispose();
        _hurry.Dispose();
    }
}
