namespace Platform.Intake.Evidence;

/// <summary>
/// One evidence file linked to a submission, optionally to the input (criterion) it supports. The content is
/// kept once per SHA-256 in the <see cref="IEvidenceStore"/>; this row holds what people see about it. Removal
/// is soft: the row stays, with who removed it and when, and the audit log has the line.
/// </summary>
public sealed class EvidenceFile
{
    private EvidenceFile() { }

    public EvidenceFile(Guid submissionId, string? inputKey, string fileName, string contentType, long size, string sha256, string uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7(uploadedAt);
        SubmissionId = submissionId;
        InputKey = inputKey;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private init; }
    public Guid SubmissionId { get; private init; }

    /// <summary>The input (criterion) the file supports, null for the submission as a whole.</summary>
    public string? InputKey { get; private init; }

    /// <summary>The uploader's name for the file, sanitised; for display and downloads only, never a path.</summary>
    public string FileName { get; private init; } = "";

    /// <summary>The type recognised from the content, not from the name.</summary>
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }

    /// <summary>SHA-256 of the content, lower-case hex: the key of the stored content.</summary>
    public string Sha256 { get; private init; } = "";
    public string UploadedBy { get; private init; } = "";
    public DateTimeOffset UploadedAt { get; private init; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovedBy { get; private set; }

    public void Remove(string by, DateTimeOffset now)
    {
        RemovedAt = now;
        RemovedBy = by;
    }
}

/// <summary>An evidence file as the API returns it.</summary>
public sealed record EvidenceView(
    Guid Id,
    Guid SubmissionId,
    string? InputKey,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string DownloadUrl)
{
    public static EvidenceView Of(EvidenceFile f) => new(
        f.Id, f.SubmissionId, f.InputKey, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedBy, f.UploadedAt, $"/api/intake/evidence/{f.Id}");
}
