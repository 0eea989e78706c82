using Platform.Notifications.Data;
using Platform.DataAndMessaging.Units;

namespace Platform.Notifications.Webhooks;

/// <summary>Checks a subscription's fields, every problem at once, keyed by field, in Vietnamese.</summary>
internal static class WebhookValidation
{
    public const int NameMax = 200;
    public const int UrlMax = 2000;

    public static async Task<Dictionary<string, string[]>> CheckAsync(NotificationsDbContext db, WebhookScope scope, string? name, string? url,
        IReadOnlyList<string>? events, string ownerUnit, bool development, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["Tên hệ thống nhận là bắt buộc."];
        else if (name.Trim().Length > NameMax) errors["name"] = [$"Tên hệ thống nhận dài tối đa {NameMax} ký tự."];

        if (UrlProblem(url, development) is { } problem) errors["url"] = [problem];

        if (events is null || events.Count == 0)
            errors["events"] = ["Cần chọn ít nhất một loại sự kiện."];
        else if (events.Where(e => !WebhookEvents.IsKnown(e)).ToList() is { Count: > 0 } unknown)
            errors["events"] = [$"Loại sự kiện không hỗ trợ: {string.Join(", ", unknown.Select(e => $"\"{e}\""))}. "
                + $"Các loại được đăng ký: {string.Join(", ", WebhookEvents.All.Select(e => e.Event))}."];

        if (!await scope.CanOwnAsync(db, ownerUnit, ct))
            errors["ownerUnit"] = [$"Đơn vị \"{ownerUnit}\" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn."];
        return errors;
    }

    private static string? UrlProblem(string? url, bool development)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Địa chỉ nhận (URL) là bắt buộc.";
        if (url.Length > UrlMax) return $"Địa chỉ nhận dài tối đa {UrlMax} ký tự.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"Địa chỉ nhận \"{url}\" không phải một địa chỉ web đầy đủ, ví dụ https://he-thong.gov.vn/webhooks/platform.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Địa chỉ nhận không được chứa tên đăng nhập hoặc mật khẩu.";
        if (uri.Scheme == Uri.UriSchemeHttp && !(development && (uri.Host == "localhost" || uri.Host == "127.0.0.1")))
            return "Địa chỉ nhận phải dùng https (chỉ môi trường phát triển chấp nhận http tới localhost hoặc 127.0.0.1).";
        return null;
    }
}
