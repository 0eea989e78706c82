namespace Platform.Gateway.Session;

/// <summary>Vietnamese details of the session's problem responses (titles come from VietnameseProblemDetails).</summary>
internal static class SessionProblems
{
    public const string SignInRequired = "Vui lòng đăng nhập để tiếp tục.";
    public const string SessionEnded = "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
    public const string Forbidden = "Tài khoản của bạn không có quyền thực hiện thao tác này.";
    public const string MissingCsrfHeader = "Yêu cầu thiếu tiêu đề chống giả mạo X-CSRF: 1. Vui lòng tải lại trang và thử lại.";
    public const string InvalidToken = "Mã truy cập (bearer token) không hợp lệ, đã hết hạn hoặc không dành cho hệ thống này.";
    public const string SignInNotConfigured = "Chức năng đăng nhập chưa được cấu hình trên cổng vào.";
}
