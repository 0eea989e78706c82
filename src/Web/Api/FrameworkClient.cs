using System.Net;

namespace Platform.Web.Api;

/// <summary>
/// Framework definitions from intake, through the gateway like every other call (<see cref="PlatformApi"/>). Answers
/// are kept for <see cref="FrameworkCache.Lifetime"/> for everyone — a definition is the same for every person who may
/// read it — so a page showing a form or a scoreboard does not fetch it each time, and a version an administrator has
/// just uploaded (or the end it gives the version before it) is seen within a minute. Only answers are kept, never a
/// refusal: a 404 or an unreachable intake is asked again on the next page.
/// </summary>
public sealed class FrameworkClient(PlatformApi api, FrameworkCache cache)
{
    public const string ListPath = "/api/intake/frameworks";

    /// <summary>Every version of every framework, in intake's order (by id, then effective from).</summary>
    public Task<ApiResult<IReadOnlyList<FrameworkVersionSummary>>> VersionsAsync(CancellationToken cancellationToken = default) =>
        cache.GetAsync("versions", () => api.GetAsync<IReadOnlyList<FrameworkVersionSummary>>(ListPath, cancellationToken));

    /// <summary>One version in full (a run or a submission names the version it was scored or reported under).</summary>
    public Task<ApiResult<FrameworkVersionView>> VersionAsync(string id, string version, CancellationToken cancellationToken = default) =>
        cache.GetAsync(VersionKey(id, version), () => api.GetAsync<FrameworkVersionView>(VersionPath(id, version), cancellationToken));

    /// <summary>The version in force for a period; 404 (intake's Vietnamese problem) when there is none.</summary>
    public async Task<ApiResult<FrameworkVersionView>> InForceAsync(string id, string period, CancellationToken cancellationToken = default)
    {
        // Per period only the version's name is kept: any number of periods share one definition.
        var known = cache.Peek<string>(InForceKey(id, period));
        if (known is not null && cache.Peek<ApiResult<FrameworkVersionView>>(VersionKey(id, known)) is { } hit) return hit;
        var answer = await api.GetAsync<FrameworkVersionView>(
            $"{ListPath}/{Uri.EscapeDataString(id)}/in-force/{Uri.EscapeDataString(period)}", cancellationToken);
        if (answer is { Ok: true, Value: { } view })
        {
            cache.Keep(VersionKey(id, view.Definition.Version), answer);
            cache.Keep(InForceKey(id, period), view.Definition.Version);
        }
        return answer;
    }

    /// <summary>
    /// The version a published result was scored under, for the public results page: anyone may read it, without signing
    /// in (<c>/api/intake/public/…</c>, one of the gateway's public paths).
    /// </summary>
    public Task<ApiResult<FrameworkVersionView>> PublishedVersionAsync(string id, string version, CancellationToken cancellationToken = default) =>
        cache.GetAsync(VersionKey(id, version), () => api.GetAsync<FrameworkVersionView>(
            $"/api/intake/public/frameworks/{Uri.EscapeDataString(id)}/versions/{Uri.EscapeDataString(version)}", cancellationToken));

    /// <summary>A version's readable changes against the version before it (not kept: read on the administration's pages only).</summary>
    public Task<ApiResult<FrameworkVersionChanges>> ChangesAsync(string id, string version, CancellationToken cancellationToken = default) =>
        api.GetAsync<FrameworkVersionChanges>(VersionPath(id, version) + "/changes", cancellationToken);

    /// <summary>What uploading <paramref name="definition"/> (a definition's JSON text) would do; nothing is stored.</summary>
    public Task<ApiResult<FrameworkUploadPreview>> PreviewAsync(string definition, CancellationToken cancellationToken = default) =>
        api.PostJsonAsync<FrameworkUploadPreview>(ListPath + "/preview", definition, cancellationToken);

    /// <summary>
    /// Records <paramref name="definition"/> as a new version. Once recorded, what is kept is forgotten, so this
    /// application shows the new version at once (other replicas within <see cref="FrameworkCache.Lifetime"/>).
    /// </summary>
    public async Task<ApiResult<FrameworkVersionSummary>> UploadAsync(string definition, CancellationToken cancellationToken = default)
    {
        var recorded = await api.PostJsonAsync<FrameworkVersionSummary>(ListPath, definition, cancellationToken);
        if (recorded.Ok) cache.Clear();
        return recorded;
    }

    /// <summary>Each framework once, to choose from and to name (empty, with the problem, when intake did not answer).</summary>
    public async Task<FrameworkChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync(cancellationToken);
        return versions.Value is { } list ? FrameworkChoices.Of(list) : new FrameworkChoices([]) { Problem = versions.Problem, SignedOut = versions.SignedOut };
    }

    public static string VersionPath(string id, string version) =>
        $"{ListPath}/{Uri.EscapeDataString(id)}/versions/{Uri.EscapeDataString(version)}";

    private static string VersionKey(string id, string version) => $"version {id} {version}";

    private static string InForceKey(string id, string period) => $"in-force {id} {period}";

    /// <summary>Whether a failed answer means "there is no such version" (told on the page) rather than a failure.</summary>
    public static bool IsMissing<T>(ApiResult<T> result) => result.Status == HttpStatusCode.NotFound;
}
