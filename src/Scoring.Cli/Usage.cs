namespace Platform.Scoring.Cli;

internal static class Usage
{
    public const int InvalidInput = 2;

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
