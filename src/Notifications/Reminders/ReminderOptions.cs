using System.Globalization;

namespace Platform.Notifications.Reminders;

/// <summary>
/// <c>Notifications:Reminders</c>: the defaults of the reminder settings, used until a platform administrator saves
/// their own (<c>PUT /reminder-settings</c>).
/// </summary>
public sealed class ReminderOptions
{
    /// <summary>Default: 3 working days before, 1 working day before, and the morning of the last day, at 08:00.</summary>
    public List<ReminderOffsetOption> Offsets { get; set; } = [];

    /// <summary>The overdue unit's leaders are told on the morning of this working day after the deadline (1 = the first).</summary>
    public int LeaderAfterWorkingDays { get; set; } = 1;

    /// <summary>The overseeing unit's reviewers are told this many working days after the leaders.</summary>
    public int ReviewerAfterWorkingDays { get; set; } = 2;

    /// <summary>Public holidays, <c>dd/MM/yyyy</c>.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Vietnam time of the escalations and of the focal-point reminder, <c>HH:mm</c>.</summary>
    public string MorningTime { get; set; } = "08:00";

    public IReadOnlyList<ReminderOffsetOption> OffsetsOrDefault() =>
        Offsets.Count > 0 ? Offsets : [new(3, "08:00"), new(1, "08:00"), new(0, "08:00")];

    public TimeOnly Morning() => TimeOnly.ParseExact(MorningTime, "HH:mm", CultureInfo.InvariantCulture);
}

public sealed record ReminderOffsetOption(int WorkingDaysBefore, string Time)
{
    public ReminderOffsetOption() : this(0, "08:00") { }
}

/// <summary>
/// <c>Notifications</c>: where this deployment is (its tenant) and the web application's address for the links in e-mails.
/// </summary>
public sealed class NotificationSiteOptions
{
    public string Tenant { get; set; } = "national";

    /// <summary>The web application's base URL (the gateway's), e.g. <c>https://cds.gov.vn</c>.</summary>
    public string WebBaseUrl { get; set; } = "http://localhost";

    public string Absolute(string path) => WebBaseUrl.TrimEnd('/') + path;
}
