using Platform.Scoring.Engine;

namespace Platform.Scoring.Cli;

/// <summary>
/// <c>--framework-file draft.json</c>: a framework version written by people, read exactly as an uploaded version is
/// (<see cref="FrameworkFile.Read"/>); every problem is one Vietnamese line naming where it is.
/// </summary>
internal static class FrameworkFileOption
{
    public static async Task<(CompiledFramework? Framework, IReadOnlyList<string> Problems)> ReadAsync(string path)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [ex is FileNotFoundException or DirectoryNotFoundException
                ? $"không tìm thấy tệp khung chỉ số {path}"
                : $"không đọc được tệp khung chỉ số {path}"]);
        }
        var (framework, problems) = FrameworkFile.Read(json);
        return (framework, problems.Select(p => $"{path}: {p}").ToList());
    }

    /// <summary>The draft must be a version of the framework the input is written for.</summary>
    public static ScoringProblem? Mismatch(CompiledFramework draft, string inputFramework, string path) => draft.Id == inputFramework
        ? null
        : new ScoringProblem(null, "framework", $"tệp {path} là khung \"{draft.Id}\", còn dữ liệu vào là khung \"{inputFramework}\"");
}
