namespace Platform.Web.Components.Notifications;

/// <summary>
/// Where a notification may send the reader: a path of this application only (<c>/nhap-lieu/…</c>), never another
/// site (<c>//evil</c>, <c>/\evil</c>, <c>https://…</c>), so the inbox's "open" route is no open redirect.
/// </summary>
public static class LocalLink
{
    public static bool IsLocal(string? link) =>
        link is ['/', ..] && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
        && !link.Any(char.IsControl);

    /// <summary>The inbox's route that marks the notification read, then opens its link.</summary>
    public static string Open(Guid id, string link) => $"/thong-bao/{id}/mo?den={Uri.EscapeDataString(link)}";
}
