using System.Collections.Concurrent;
using MimeKit;

namespace Platform.MailCatcher;

/// <summary>One message the catcher accepted.</summary>
public sealed record CaughtMessage(int Id, IReadOnlyList<string> To, string Subject, string? Text, string? Html, string? MessageId,
    string? From, DateTimeOffset ReceivedAt);

/// <summary>What the catcher has received, in memory (at most <see cref="Capacity"/> messages, the oldest dropped first).</summary>
public sealed class CaughtMail
{
    public const int Capacity = 5000;
    private readonly ConcurrentDictionary<int, CaughtMessage> _messages = new();
    private int _next;

    public CaughtMessage Add(IReadOnlyList<string> to, MimeMessage message, DateTimeOffset at)
    {
        var id = Interlocked.Increment(ref _next);
        var caught = new CaughtMessage(id, to, message.Subject ?? "", message.TextBody, message.HtmlBody, message.MessageId,
            message.From.Mailboxes.FirstOrDefault()?.Address, at);
        _messages[id] = caught;
        if (_messages.Count > Capacity) _messages.TryRemove(_messages.Keys.Min(), out _);
        return caught;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<CaughtMessage> All() => [.. _messages.Values.OrderByDescending(m => m.Id)];

    public CaughtMessage? Find(int id) => _messages.GetValueOrDefault(id);

    public void Clear() => _messages.Clear();
}
