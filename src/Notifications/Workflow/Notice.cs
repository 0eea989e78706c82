namespace Platform.Notifications.Workflow;

/// <summary>
/// One notice about one unit, before it is addressed: what it says (Vietnamese), the page that needs action, and the
/// cause that makes it once per recipient (<c>event:{messageId}</c>, with a suffix when one event says different things
/// to different units).
/// </summary>
/// <param name="Lines">The paragraphs; the in-app body is them joined.</param>
public sealed record Notice(string Kind, string Cause, string Unit, string? Framework, string Subject, IReadOnlyList<string> Lines,
    string? Link, string LinkText);
