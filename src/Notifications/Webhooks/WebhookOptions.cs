namespace Platform.Notifications.Webhooks;

/// <summary><c>Notifications:Webhooks</c>; the tenant is <see cref="NotificationsOptions.Tenant"/>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhooks";

    /// <summary>How long one delivery may take before it counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retry waits before attempt 2, 3, …, unless <c>Notifications:Delivery:webhook:RetryDelays</c> sets them.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>Attempts before a delivery is dead, unless <c>Notifications:Delivery:webhook:MaxAttempts</c> sets it.</summary>
    public const int DefaultMaxAttempts = 8;
}
