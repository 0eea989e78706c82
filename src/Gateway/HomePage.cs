namespace Platform.Gateway;

/// <summary>Placeholder front page until the web application is served here.</summary>
internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><title>Nền tảng đánh giá KHCN, ĐMST và CĐS</title></head>
        <body>
          <h1>Nền tảng đánh giá khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số</h1>
          <p>Cổng vào của nền tảng đang hoạt động. Giao diện web sẽ được phục vụ tại địa chỉ này.</p>
          <p>Tình trạng hệ thống: <a href="/health">/health</a></p>
        </body>
        </html>
        """;
}
