using Platform.Scoring.Engine;
using Platform.Scoring.Io;

namespace Platform.Scoring.Cli;

/// <summary>
/// Scores one run, under the version it names or, with <c>--framework-file</c>, under a draft of the same framework
/// (read as an uploaded version is: <see cref="FrameworkFile.Read"/>). Invalid input (or draft) ends with exit code 2, nothing on standard output, and one line per
/// problem on standard error naming the unit and the key.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>
    /// The input is read as UTF-8 bytes and parsed in one pass (<see cref="ScoringRunJson.Read(ReadOnlySpan{byte})"/>);
    /// the result is written to the file or to standard output as it is made (<see cref="ScoringRunJson.Write(ScoringResult, Stream)"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        var stages = Stages.FromEnvironment(stderr);
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

        if (await ReadInputBytesAsync(input, stdin, stderr) is not { } bytes) return Usage.InvalidInput;

        stages.Mark("file");
        var (run, problems) = InputText.Read(bytes, fromFile: input != "-");
        bytes = null;
        stages.Mark("parse");
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
                // Without reading problems, scoring validates (once); with them, every problem is told at once.
                if (all.Count > 0) all.AddRange(new Scorer(draft).Validate(run.Request));
            }
        }
        else if (run is not null)
        {
            // Only the input's framework is compiled: the others cannot be found anyway.
            framework = new FrameworkCatalog(FrameworkCatalog.ShippedDefinitions().Where(d => d.Id == run.Framework))
                .Find(run.Framework, run.Version, run.Request.Period);
            if (framework is null)
            {
                all.Add(new ScoringProblem(null, "framework", run.Version is null
                    ? $"không có khung \"{run.Framework}\" có hiệu lực cho kỳ {run.Request.Period}"
                    : $"không có khung \"{run.Framework}\" phiên bản \"{run.Version}\""));
            }
            else if (all.Count > 0)
            {
                all.AddRange(new Scorer(framework).Validate(run.Request));
            }
        }
        if (all.Count > 0 || run is null || framework is null)
        {
            foreach (var problem in all) await stderr.WriteLineAsync(problem.ToString());
            return Usage.InvalidInput;
        }

        stages.Mark("catalog");
        ScoringResult result;
        try
        {
            result = new Scorer(framework).Score(run.Request);
        }
        catch (ScoringInputException ex)
        {
            foreach (var problem in ex.Problems) await stderr.WriteLineAsync(problem.ToString());
            return Usage.InvalidInput;
        }
        run = null;
        stages.Mark("score");
        if (output is null)
        {
            ScoringRunJson.Write(result, stdout);
            await stdout.FlushAsync();
        }
        else
        {
            try
            {
                await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
                ScoringRunJson.Write(result, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"không ghi được tệp kết quả {output}");
                return 1;
            }
        }
        stages.Mark("write");
        stages.Report();
        return 0;
    }

    /// <summary>
    /// The same with text streams (the monthly scoring and DTI tests run the tool's own code this way): standard input
    /// read as text, the output document handed to <paramref name="stdout"/> as text once written.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await stdin.ReadToEndAsync()));
        using var output = new MemoryStream();
        var exit = await RunAsync(args, input, output, stderr);
        await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length));
        return exit;
    }

    /// <summary>The input file's bytes (<c>-</c>: standard input), or null after saying on standard error why it cannot be read.</summary>
    private static async Task<byte[]?> ReadInputBytesAsync(string input, Stream stdin, TextWriter stderr)
    {
        try
        {
            if (input != "-") return await File.ReadAllBytesAsync(input);
            using var bytes = new MemoryStream();
            await stdin.CopyToAsync(bytes);
            return bytes.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync(ex is FileNotFoundException or DirectoryNotFoundException
                ? $"không tìm thấy tệp dữ liệu vào {input}"
                : $"không đọc được tệp dữ liệu vào {input}");
            return null;
        }
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
