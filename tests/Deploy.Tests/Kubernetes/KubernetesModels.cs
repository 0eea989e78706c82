using System.Diagnostics;
using System.Security.Cryptography;
using k8s;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// A second, independent schema check: the npm package kubernetes-models (the Kubernetes API's JSON schemas with ajv)
/// validates every object, catching what a typed model cannot, such as a required field left out (a Deployment's pod
/// without containers). Installed with <c>npm ci</c> from Schemas/package-lock.json into a folder of the machine's temp
/// directory, once per lock file: later runs, offline too, reuse it.
/// </summary>
internal static class KubernetesModels
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Kubernetes", "Schemas");
    private static readonly Lazy<string> Installed = new(Install);

    /// <summary>One line per object the schemas reject (empty when all are valid).</summary>
    public static IReadOnlyList<string> Validate(Manifests manifests)
    {
        var json = "[" + string.Join(",", manifests.Objects.Select(o => KubernetesJson.Serialize(o.Object))) + "]";
        var (exit, output) = Run("node", ["validate.mjs"], Installed.Value, json);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!lines.Contains($"checked {manifests.Objects.Count} objects"))
            throw new InvalidOperationException($"node validate.mjs did not run to its end (exit {exit}):\n{output}");
        return lines.Where(l => !l.StartsWith("checked ", StringComparison.Ordinal)).ToList();
    }

    private static string Install()
    {
        var lockFile = File.ReadAllBytes(Path.Combine(Source, "package-lock.json"));
        var folder = Path.Combine(Path.GetTempPath(), "platform-kubernetes-models", Convert.ToHexString(SHA256.HashData(lockFile))[..16]);
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "package.json", "package-lock.json", "validate.mjs" })
            File.Copy(Path.Combine(Source, file), Path.Combine(folder, file), overwrite: true);
        if (!File.Exists(Path.Combine(folder, "node_modules", "kubernetes-models", "package.json")))
        {
            var (exit, output) = Run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], folder, null);
            if (exit != 0)
                throw new InvalidOperationException($"`npm ci` of the kubernetes-models validators failed in {folder} (exit {exit}); it needs the npm registry once:\n{output}");
        }
        return folder;
    }

    private static (int Exit, string Output) Run(string program, string[] arguments, string directory, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} was not found: the kubernetes-models validators need Node.js and npm ({e.Message}).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
