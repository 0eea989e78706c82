using Platform.DataAndMessaging.Audit;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Intake.Audit;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Scoring;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Evidence;

/// <summary>
/// <c>POST /api/intake/submissions/{id}/evidence</c> (multipart/form-data: <c>file</c>, optional <c>inputKey</c>):
/// the reporting unit attaches a file to its editable submission. The type is recognised from the content,
/// the content is stored once per SHA-256, and the same file linked twice to the same input answers the
/// existing link (200) rather than a new one (201).
/// </summary>
public static class UploadEvidence
{
    /// <summary>20 MB: the largest evidence file accepted.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>The whole request may carry the multipart framing and the other fields on top of the file.</summary>
    public const long MaxRequestBytes = MaxFileBytes + 64 * 1024;

    public static async Task<Results<Created<EvidenceView>, Ok<EvidenceView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, [AsParameters] IntakeServices services, IEvidenceStore store, HttpRequest request, FrameworkCatalog frameworks,
        CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var submission = await db.VisibleOrOwn(options.Value.Tenant, caller.Unit, time).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null) return SubmissionHttp.NotFound();
        if (submission.ReportingUnit != caller.Unit)
            return ApiProblems.Forbidden($"Chỉ đơn vị báo cáo ({submission.ReportingUnit}) mới được đính kèm minh chứng cho báo cáo này.");
        if (!submission.IsEditable) return NotEditable(submission);

        if (request.ContentLength > MaxRequestBytes) return TooLarge();
        if (!request.HasFormContentType)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Định dạng dữ liệu không được hỗ trợ",
                "Tệp minh chứng phải được gửi dưới dạng multipart/form-data, trường 'file'.");
        IFormCollection form;
        try
        {
            // The endpoint's form options (see EvidenceApi) bound the multipart body; Kestrel bounds the request.
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ApiProblems.InvalidByKey("file", "Nội dung multipart/form-data không đọc được; vui lòng gửi lại tệp.");
        }

        var file = form.Files.GetFile("file");
        if (file is null) return ApiProblems.InvalidByKey("file", "Chưa chọn tệp minh chứng (trường 'file').");
        if (file.Length > MaxFileBytes) return TooLarge();
        var inputKey = form["inputKey"].ToString().Trim() is { Length: > 0 } key ? key : null;
        if (inputKey is not null)
        {
            var framework = frameworks.Find(submission.FrameworkId, submission.FrameworkVersion, submission.Period)
                ?? frameworks.Find(submission.FrameworkId, null, submission.Period);
            if (framework is null || !framework.Slots.ContainsKey(inputKey))
                return ApiProblems.InvalidByKey("inputKey", $"Chỉ số '{inputKey}' không có trong khung {submission.FrameworkId}.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        if (EvidenceTypes.Sniff(content) is not { } type)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Loại tệp không được chấp nhận",
                $"Nội dung tệp không thuộc loại được chấp nhận làm minh chứng. Chỉ chấp nhận {EvidenceTypes.Accepted}; loại tệp được nhận biết theo nội dung, không theo tên hay phần mở rộng.",
                new Dictionary<string, object?> { ["accepted"] = Accepted });

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await Existing(db, id, inputKey, sha256, ct) is { } linked) return TypedResults.Ok(EvidenceView.Of(linked));

        var now = time.GetUtcNow();
        var evidence = new EvidenceFile(id, inputKey, EvidenceFileName.Sanitise(file.FileName, type), type.ContentType, content.Length, sha256, caller.Subject, now);
        db.EvidenceFiles.Add(evidence);
        db.AuditEntries.Add(new AuditEntry(AuditEntities.Evidence, evidence.Id.ToString(), "uploaded", caller.Subject, now,
            $"báo cáo {id}; {(inputKey is null ? "" : $"chỉ số {inputKey}; ")}{evidence.FileName}; {type.Name}; {content.Length} byte; sha256 {sha256}"));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Holds the submission while the file is linked: a submit that commits first turns this into a 409.
            if (!await EvidenceScope.LockEditableAsync(db, id, ct)) return NotEditable(submission);
            await store.PutAsync(sha256, type.ContentType, content, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same file was linked by a parallel request a moment ago.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await Existing(db, id, inputKey, sha256, ct) is { } raced) return TypedResults.Ok(EvidenceView.Of(raced));
            throw;
        }
        return TypedResults.Created($"/api/intake/evidence/{evidence.Id}", EvidenceView.Of(evidence));
    }

    private static readonly string[] Accepted =
    [
        EvidenceTypes.Pdf.ContentType, EvidenceTypes.Png.ContentType, EvidenceTypes.Jpeg.ContentType, EvidenceTypes.Gif.ContentType,
        EvidenceTypes.WebP.ContentType, EvidenceTypes.Doc.ContentType, EvidenceTypes.Docx.ContentType, EvidenceTypes.Xls.ContentType,
        EvidenceTypes.Xlsx.ContentType,
    ];

    private static Task<EvidenceFile?> Existing(IntakeDbContext db, Guid submissionId, string? inputKey, string sha256, CancellationToken ct) =>
        db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f =>
            f.SubmissionId == submissionId && f.InputKey == inputKey && f.Sha256 == sha256 && f.RemovedAt == null, ct);

    internal static ProblemHttpResult NotEditable(Submission submission) => ApiProblems.Conflict(
        $"Báo cáo đang ở trạng thái '{Submission.StateName(submission.State)}'; chỉ được thay đổi minh chứng khi báo cáo là bản nháp hoặc bị trả lại.");

    internal static ProblemHttpResult TooLarge() => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
        "Tệp minh chứng vượt quá dung lượng cho phép (tối đa 20 MB).");
}
