using Platform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.Scoring;

namespace Platform.Intake.Frameworks;

/// <summary>Shows what uploading a definition would do, without storing anything.</summary>
public static class PreviewFramework
{
    public static async Task<Results<Ok<FrameworkUploadPreview>, ProblemHttpResult>> Handle(
        HttpRequest request, IntakeDbContext db, IOptions<IntakeOptions> options, FrameworkCatalog frameworks, CancellationToken ct)
    {
        if (await FrameworkBody.ReadAsync(request, ct) is not { } json) return FrameworkBody.TooLarge();
        var upload = await FrameworkUpload.CheckAsync(json, frameworks, db, options.Value.Tenant, ct);
        var version = upload.Framework is { } f ? FrameworkVersionSummary.Of(f.Definition) : null;
        var follows = upload.Follows is { } p ? FrameworkVersionSummary.Of(p.Definition) : null;
        var until = upload.Framework is { } n ? FrameworkCatalog.Before(n.Definition.EffectiveFrom) : null;
        return TypedResults.Ok(new FrameworkUploadPreview(version, follows, until, upload.Changes, upload.Problems));
    }
}

/// <summary>The uploaded definition: the request body as text, up to <see cref="FrameworkUpload.MaxBytes"/>.</summary>
internal static class FrameworkBody
{
    /// <returns>The text, or null when the body is larger than allowed.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > FrameworkUpload.MaxBytes) return null;
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[FrameworkUpload.MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        return read > FrameworkUpload.MaxBytes ? null : new string(buffer, 0, read);
    }

    public static ProblemHttpResult TooLarge() => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
        $"Tệp định nghĩa khung lớn hơn {FrameworkUpload.MaxBytes / 1024 / 1024} MB; các khung đang dùng chỉ vài chục kB. Hãy kiểm tra lại tệp.");
}
