namespace Platform.Scoring.Cli;

internal static class Usage
{
    public const int InvalidInput = 2;

    /// <summary>An unknown command or option: one line naming it, then how to call the tool.</summary>
    public static int Unknown(string[] args, TextWriter error)
    {
        error.WriteLine(args.Length == 0 ? "thiếu lệnh (score hoặc frameworks)" : $"lệnh hoặc tùy chọn dòng lệnh không hợp lệ: {string.Join(' ', args)}");
        return Print(error);
    }

    public static int Print(TextWriter error)
    {
        error.WriteLine("""
            Cách dùng / usage:
              Scoring.Cli score --input run.json [--output result.json]   chấm điểm một lượt (--input - đọc từ stdin)
              Scoring.Cli frameworks                                      liệt kê các khung đánh giá
            """);
        return InvalidInput;
    }
}
