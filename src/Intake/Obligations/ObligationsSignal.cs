namespace Platform.Intake.Obligations;

/// <summary>Wakes <see cref="ObligationsAnnouncer"/> when this process has changed an assignment, instead of waiting for the next round.</summary>
public sealed class ObligationsSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount > 0) return;
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);

    public void Dispose() => _signal.Dispose();
}
