using System.Collections.Concurrent;
using MassTransit;

namespace Platform.TestSupport;

/// <summary>Counts finished consumptions (successful, or faulted after retries) per message id.</summary>
internal sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();
    private readonly ConcurrentDictionary<Guid, Exception> _faults = new();

    public int Count(Guid id) => _done.GetValueOrDefault(id);

    public Exception? Fault(Guid id) => _faults.GetValueOrDefault(id);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _done.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults[context.MessageId!.Value] = exception;
        _done.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
