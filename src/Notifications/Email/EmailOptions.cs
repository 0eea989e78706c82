namespace Platform.Notifications.Email;

/// <summary><c>Notifications:Email:*</c>: the SMTP server mail leaves through, and who it is from.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "thongbao@platform.local";
    public string FromName { get; set; } = "Nền tảng đánh giá KHCN, ĐMST và CĐS";

    /// <summary>STARTTLS when the server offers it (required when true); false for a local catcher.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
