using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Deploy.Tests.Kubernetes;

/// <summary>
/// Renders an overlay of deploy/kubernetes with <c>kubectl kustomize</c>, as an operator's <c>kubectl apply -k</c> would.
/// The kubectl on PATH is used (or <c>KUBECTL</c>): current kubectl (kustomize v5) and Debian's kubernetes-client
/// (kubectl 1.20, kustomize v2.0.3, which .ci/run installs when none is present) both render the overlays.
/// </summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new();

    public static string OverlayPath(string overlay) => RepositoryFiles.Path("deploy", "kubernetes", "overlays", overlay);

    /// <summary>The overlay's manifests as one multi-document YAML text (rendered once per test run).</summary>
    public static string Render(string overlay) => Rendered.GetOrAdd(overlay, o => new Lazy<string>(() => Run(OverlayPath(o)))).Value;

    /// <summary>Any kustomization folder, rendered each time.</summary>
    public static string RenderDirectory(string directory) => Run(directory);

    private static string Run(string directory)
    {
        var kubectl = FindKubectl() ?? throw new InvalidOperationException(
            "kubectl was not found on PATH (nor named by KUBECTL): the Kubernetes manifests are rendered with `kubectl kustomize`. "
            + "Install it, e.g. `apt-get install -y kubernetes-client` (what .ci/run does when it is missing).");
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {kubectl}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{kubectl} kustomize {directory}` exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    private static string? FindKubectl()
    {
        if (Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } named) return named;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists)
            // None: Debian's kubernetes-client (kubectl 1.20, kustomize v2.0.3), installed with apt when running as root.
            ?? Platform.LocalInfrastructure.DebianPackages.CommandAsync("/usr/bin/kubectl", "kubernetes-client", _ => { }, CancellationToken.None).GetAwaiter().GetResult();
    }
}
