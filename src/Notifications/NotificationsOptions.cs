using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications;

/// <summary><c>Notifications:*</c>: what every notice needs to know about the deployment.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>Whose units this deployment serves (<c>national</c>).</summary>
    [Required(ErrorMessage = "Notifications:Tenant must not be empty. Fix: set Notifications__Tenant (e.g. national).")]
    [RegularExpression("^[a-z0-9.-]+$", ErrorMessage = "Notifications:Tenant may contain only a-z, 0-9, '.' and '-'. Fix: correct Notifications__Tenant.")]
    public string Tenant { get; set; } = "national";

    /// <summary>The web application's address as people open it (the gateway): e-mails link to its pages.</summary>
    [Required(ErrorMessage = "Notifications:WebBaseUrl must not be empty. Fix: set Notifications__WebBaseUrl to the gateway's address (https://…).")]
    [Url(ErrorMessage = "Notifications:WebBaseUrl must be an absolute http(s) address. Fix: correct Notifications__WebBaseUrl.")]
    public string WebBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>The platform's name as the footer of every e-mail gives it.</summary>
    [Required(ErrorMessage = "Notifications:PlatformName must not be empty. Fix: set Notifications__PlatformName.")]
    public string PlatformName { get; set; } = "Nền tảng đánh giá KHCN, ĐMST và chuyển đổi số";

    /// <summary>An absolute address of a web application path (<c>/viec-cua-toi</c>).</summary>
    public string AbsoluteLink(string path) => WebBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
