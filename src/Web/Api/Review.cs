using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>One page of an intake listing (<c>{ items, total, page, pageSize }</c>).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => PageSize <= 0 ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Intake's submission (<c>GET /api/intake/submissions/{id}</c>), the parts the review pages show.</summary>
public sealed record ReviewSubmission(
    Guid Id,
    string FrameworkId,
    string FrameworkVersion,
    string Period,
    string ReportingUnit,
    string TargetUnit,
    IReadOnlyDictionary<string, JsonElement> Values,
    string? Comments,
    string State,
    string? ReturnReason,
    bool Late,
    int Version,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";

    public static string StateName(string state) => state switch
    {
        "draft" => "Bản nháp",
        Submitted => "Chờ thẩm định",
        Approved => "Đã phê duyệt",
        "returned" => "Bị trả lại",
        _ => state,
    };
}

/// <summary>An evidence file of a submission (<c>GET /api/intake/submissions/{id}/evidence</c>).</summary>
public sealed record EvidenceItem(Guid Id, string? InputKey, string FileName, string ContentType, long Size,
    DateTimeOffset UploadedAt, string DownloadUrl)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    public bool IsPdf => string.Equals(ContentType, "application/pdf", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An earlier return of a submission (<c>GET /api/intake/submissions/{id}/returns</c>, newest first).</summary>
/// <remarks><see cref="Values"/> is null for returns made before the values were kept with them.</remarks>
public sealed record SubmissionReturnItem(DateTimeOffset ReturnedAt, string ReturnedBy, string? Reason, IReadOnlyDictionary<string, JsonElement>? Values);

/// <summary>Body of <c>POST /api/intake/submissions/{id}/return</c>.</summary>
public sealed record ReturnSubmission(string Reason);
