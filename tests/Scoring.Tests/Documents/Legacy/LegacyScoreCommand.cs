using Platform.Scoring.Engine;
using Platform.Scoring.Cli;
using Platform.Scoring.Io;

namespace Platform.Scoring.Tests.Documents.Legacy;

/// <summary>
/// A verbatim copy of <c>ScoreCommand</c> as it was before it read bytes and streamed its output (main at cd244d6,
/// issue 18), over <see cref="LegacyScoringRunJson"/>: the reference the tool's output is compared with, byte for byte.
/// </summary>
internal static class LegacyScoreCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (await Options.ReadAsync(args, ["--input", "--output", "--framework-file"], stderr) is not { } options) return Usage.InvalidInput;
        var input = options.GetValueOrDefault("--input");
        var output = options.GetValueOrDefault("--output");
        var frameworkFile = options.GetValueOrDefault("--framework-file");
        if (input is null)
        {
            await stderr.WriteLineAsync("thiếu tùy chọn --input");
            return Usage.Print(stderr);
        }

        CompiledFramework? draft = null;
        if (frameworkFile is not null)
        {
            var (read, draftProblems) = await FrameworkFileOption.ReadAsync(frameworkFile);
            if (read is null)
            {
                foreach (var problem in draftProblems) await stderr.WriteLineAsync(problem);
                return Usage.InvalidInput;
            }
            draft = read;
        }

        if (await ReadInputAsync(input, stdin, stderr) is not { } json) return Usage.InvalidInput;

        var (run, problems) = LegacyScoringRunJson.Read(json);
        var all = problems.ToList();
        CompiledFramework? framework = null;
        if (run is not null && !Period.TryParse(run.Request.Period, out _))
        {
            // Without a valid period no version can be chosen; say what is wrong with the period itself.
            all.Add(new ScoringProblem(null, "period", $"kỳ \"{run.Request.Period}\" không hợp lệ (YYYY-MM cho khung hằng tháng, YYYY cho khung hằng năm)"));
        }
        else if (run is not null && draft is not null)
        {
            // The draft replaces whatever version the input names.
            if (FrameworkFileOption.Mismatch(draft, run.Framework, frameworkFile!) is { } mismatch)
            {
                all.Add(mismatch);
            }
            else
            {
                framework = draft;
                all.AddRange(new Scorer(draft).Validate(run.Request));
            }
        }
        else if (run is not null)
        {
            framework = FrameworkCatalog.Shipped().Find(run.Framework, run.Version, run.Request.Period);
            if (framework is null)
            {
                all.Add(new ScoringProblem(null, "framework", run.Version is null
                    ? $"không có khung \"{run.Framework}\" có hiệu lực cho kỳ {run.Request.Period}"
                    : $"không có khung \"{run.Framework}\" phiên bản \"{run.Version}\""));
            }
            else
            {
                all.AddRange(new Scorer(framework).Validate(run.Request));
            }
        }
        if (all.Count > 0 || run is null || framework is null)
        {
            foreach (var problem in all) await stderr.WriteLineAsync(problem.ToString());
            return Usage.InvalidInput;
        }

        var result = new Scorer(framework).Score(run.Request);
        if (output is null)
        {
            await stdout.WriteAsync(LegacyScoringRunJson.WriteToString(result));
        }
        else
        {
            try
            {
                await using var file = File.Create(output);
                LegacyScoringRunJson.Write(result, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"không ghi được tệp kết quả {output}");
                return 1;
            }
        }
        return 0;
    }

    /// <summary>The input file's text (<c>-</c>: standard input), or null after saying on standard error why it cannot be read.</summary>
    public static async Task<string?> ReadInputAsync(string input, TextReader stdin, TextWriter stderr)
    {
        try
        {
            return input == "-" ? await stdin.ReadToEndAsync() : await File.ReadAllTextAsync(input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync(ex is FileNotFoundException or DirectoryNotFoundException
                ? $"không tìm thấy tệp dữ liệu vào {input}"
                : $"không đọc được tệp dữ liệu vào {input}");
            return null;
        }
    }
}
