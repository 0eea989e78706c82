namespace Platform.Scoring.Cli;

internal static class Usage
{
    public const int InvalidInput = 2;

    /// <summary>An unknown command or option: one line naming it, then how to call the tool.</summary>
    public static int Unknown(string[] args, TextWriter error)
    {
        error.WriteLine(args.Length == 0 ? "thiếu lệnh (score, simulate hoặc frameworks)" : $"lệnh hoặc tùy chọn dòng lệnh không hợp lệ: {string.Join(' ', args)}");
        return Print(error);
    }

    public static int Print(TextWriter error)
    {
        error.WriteLine("""
            Cách dùng / usage:
              Scoring.Cli score --input run.json [--output result.json] [--framework-file draft.json]
                  chấm điểm một lượt (--input - đọc từ stdin); --framework-file: theo một bản dự thảo khung chỉ số
              Scoring.Cli simulate --input run.json --framework-file draft.json [--version V]
                  mô phỏng: chấm theo phiên bản V (mặc định: phiên bản dữ liệu vào ghi) và theo bản dự thảo, in song song
              Scoring.Cli frameworks
                  liệt kê các khung đánh giá
            """);
        return InvalidInput;
    }
}
