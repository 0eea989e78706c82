namespace Platform.Scoring.Cli;

/// <summary>
/// A command's <c>--name value</c> options. An unknown option or one without its value is one line on standard error,
/// then the usage; the caller exits with <see cref="Usage.InvalidInput"/>.
/// </summary>
internal static class Options
{
    public static async Task<Dictionary<string, string>?> ReadAsync(string[] args, string[] names, TextWriter stderr)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var known = names.Contains(args[i]);
            if (known && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
                continue;
            }
            await stderr.WriteLineAsync(known ? $"tùy chọn {args[i]}: thiếu giá trị" : $"tùy chọn dòng lệnh không hợp lệ: {args[i]}");
            Usage.Print(stderr);
            return null;
        }
        return values;
    }
}
