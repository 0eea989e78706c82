using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hygiene;

/// <summary>
/// No package with a known High or Critical vulnerability, direct or transitive, in any project of the solution: asks the
/// SDK (<c>dotnet list Platform.sln package --vulnerable --include-transitive --format json --no-restore</c>, advisories from
/// nuget.org's vulnerability feed through the sources of the machine's NuGet configuration; the repository has none of its
/// own). <c>--no-restore</c> reads the <c>project.assets.json</c> the build already wrote: restoring the whole solution from
/// a test while other test assemblies build would race them. A project not restored yet is restored alone first.
/// </summary>
public sealed class VulnerablePackageTests(ITestOutputHelper output)
{
    private static readonly string[] Failing = ["High", "Critical"];

    [Fact]
    public async Task No_project_of_the_solution_uses_a_package_with_a_high_or_critical_advisory()
    {
        var report = await ListAsync();
        var unrestored = Unrestored(report);
        if (unrestored.Count > 0)
        {
            foreach (var project in unrestored) await DotnetAsync(["restore", project]);
            report = await ListAsync();
        }

        // Advisories come from the sources' VulnerabilityInfo resource (nuget.org has it); a mirror without it makes every
        // package look clean, which would prove nothing.
        var sources = Array(report.RootElement, "sources").Select(s => s.GetString()!).ToList();
        var withAdvisories = await SourcesWithVulnerabilityDataAsync(sources);
        if (withAdvisories.Count == 0)
        {
            Assert.Skip($"No package source serves vulnerability data (VulnerabilityInfo): {string.Join(", ", sources)}. "
                + "This machine's registry mirror serves packages but not nuget.org's vulnerability feed; the check runs wherever one does.");
        }
        output.WriteLine("Advisories from: " + string.Join(", ", withAdvisories));

        var problems = Problems(report);
        Assert.True(problems.Count == 0, "dotnet list package reported problems:\n" + string.Join("\n", problems));
        var projects = report.RootElement.GetProperty("projects").GetArrayLength();
        Assert.True(projects > 20, $"Only {projects} projects listed: not the whole solution.");

        var findings = Vulnerabilities(report);
        output.WriteLine($"{projects} projects checked; {findings.Count} advisory finding(s).");
        foreach (var finding in findings.Where(f => !IsFailing(f))) output.WriteLine("reported, not failing: " + finding);
        var failing = findings.Where(IsFailing).Select(f => f.ToString()).Distinct().ToList();
        Assert.True(failing.Count == 0, "Packages with High or Critical advisories (bump them in Directory.Packages.props):\n" + string.Join("\n", failing));
    }

    [Fact]
    public void The_reader_finds_a_high_advisory_of_a_transitive_package_and_lets_a_moderate_one_pass()
    {
        // The SDK's JSON (output version 1), as it reports a vulnerable package.
        using var report = JsonDocument.Parse("""
            {
              "version": 1,
              "parameters": "--vulnerable --include-transitive",
              "sources": ["https://api.nuget.org/v3/index.json"],
              "projects": [{
                "path": "/repo/src/Intake/Intake.csproj",
                "frameworks": [{
                  "framework": "net10.0",
                  "topLevelPackages": [{
                    "id": "Some.Library", "requestedVersion": "1.0.0", "resolvedVersion": "1.0.0",
                    "vulnerabilities": [{ "severity": "Moderate", "advisoryurl": "https://github.com/advisories/GHSA-aaaa-bbbb-cccc" }]
                  }],
                  "transitivePackages": [{
                    "id": "System.Text.Json", "resolvedVersion": "8.0.4",
                    "vulnerabilities": [{ "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-8g4q-xg66-9fp4" }]
                  }]
                }]
              }]
            }
            """);

        var findings = Vulnerabilities(report);

        Assert.Equal(2, findings.Count);
        var high = Assert.Single(findings, IsFailing);
        Assert.Equal("System.Text.Json 8.0.4 (transitive) High https://github.com/advisories/GHSA-8g4q-xg66-9fp4 in Intake.csproj", high.ToString());
        Assert.False(IsFailing(findings.Single(f => f.Package == "Some.Library")));
    }

    internal sealed record Finding(string Project, string Package, string Version, bool Transitive, string Severity, string Advisory)
    {
        public override string ToString() =>
            $"{Package} {Version}{(Transitive ? " (transitive)" : "")} {Severity} {Advisory} in {Path.GetFileName(Project)}";
    }

    private static bool IsFailing(Finding finding) => Failing.Contains(finding.Severity, StringComparer.OrdinalIgnoreCase);

    internal static List<Finding> Vulnerabilities(JsonDocument report)
    {
        var findings = new List<Finding>();
        foreach (var project in Array(report.RootElement, "projects"))
        {
            var path = project.GetProperty("path").GetString() ?? "";
            foreach (var framework in Array(project, "frameworks"))
            {
                foreach (var (kind, transitive) in new[] { ("topLevelPackages", false), ("transitivePackages", true) })
                {
                    foreach (var package in Array(framework, kind))
                    {
                        foreach (var vulnerability in Array(package, "vulnerabilities"))
                        {
                            findings.Add(new Finding(path, package.GetProperty("id").GetString() ?? "?",
                                package.TryGetProperty("resolvedVersion", out var version) ? version.GetString() ?? "?" : "?",
                                transitive,
                                vulnerability.TryGetProperty("severity", out var severity) ? severity.GetString() ?? "?" : "?",
                                vulnerability.TryGetProperty("advisoryurl", out var url) ? url.GetString() ?? "?" : "?"));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private async Task<List<string>> SourcesWithVulnerabilityDataAsync(IEnumerable<string> sources)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var serving = new List<string>();
        foreach (var source in sources.Where(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var index = await http.GetStringAsync(source, TestContext.Current.CancellationToken);
                if (index.Contains("VulnerabilityInfo", StringComparison.Ordinal)) serving.Add(source);
            }
            catch (HttpRequestException ex)
            {
                output.WriteLine($"{source}: {ex.Message}");
            }
        }
        return serving;
    }

    private static List<string> Problems(JsonDocument report) =>
        [.. Array(report.RootElement, "problems").Select(p => $"{p.GetProperty("project").GetString()}: {p.GetProperty("text").GetString()}")];

    private static List<string> Unrestored(JsonDocument report) =>
        [.. Array(report.RootElement, "problems")
            .Where(p => p.GetProperty("text").GetString()?.Contains("No assets file", StringComparison.Ordinal) == true)
            .Select(p => p.GetProperty("project").GetString()!)];

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private async Task<JsonDocument> ListAsync()
    {
        var json = await DotnetAsync(["list", RepositoryFiles.Path("Platform.sln"), "package",
            "--vulnerable", "--include-transitive", "--format", "json", "--no-restore"]);
        return JsonDocument.Parse(json);
    }

    private async Task<string> DotnetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        output.WriteLine($"dotnet {string.Join(' ', arguments)}: exit {process.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s");
        var text = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0 && !text.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{text}\n{errors}");
        }
        return text;
    }
}
