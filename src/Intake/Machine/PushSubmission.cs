using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Scoring;
using Platform.DataAndMessaging.Database;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Problems;
using Platform.Intake.Http;

namespace Platform.Intake.Machine;

/// <summary>Body of <c>POST /api/intake/machine/submissions</c>: the complete set of values for one target unit.</summary>
public sealed record MachinePush(string? Framework, string? Period, string? TargetUnit,
    Dictionary<string, JsonElement>? Values, string? Comments, bool Submit);

/// <summary>
/// <c>POST /api/intake/machine/submissions</c>: a source system (a service client, reporting for its token's
/// <c>org_unit</c>) saves a unit's values and, with <c>submit</c>, hands them in — in one transaction with the record of
/// its <c>Idempotency-Key</c>. A retry with the same key and body gets the stored answer (<c>Idempotent-Replayed: true</c>)
/// and writes nothing; the same key with another body is refused (422). Concurrent requests with one key are serialised
/// by an advisory lock: the later ones wait and replay. Refusals (4xx) are not stored, so a corrected retry with the same
/// key may still succeed.
/// </summary>
public static class PushSubmission
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, HttpResponse response, [AsParameters] IntakeServices services, ReportingCalendar calendar,
        FrameworkCatalog frameworks, CancellationToken ct)
    {
        var (db, user, options, time) = services;
        if (!user.IsMachineClient())
            return ApiProblems.Forbidden("API này chỉ dành cho hệ thống nguồn (tài khoản dịch vụ); người dùng nhập liệu qua giao diện web hoặc tệp Excel.");
        if (Caller.From(user) is not { } caller) return ApiProblems.NoUnit();
        var tenant = options.Value.Tenant;
        var key = request.Headers[KeyHeader];
        if (key.Count != 1 || key[0] is not { Length: > 0 and <= MaxKeyLength } idempotencyKey || idempotencyKey.Any(c => c is < '!' or > '~'))
            return ApiProblems.InvalidByKey(KeyHeader, $"Thiếu hoặc sai tiêu đề {KeyHeader}: cần đúng một giá trị dài 1–{MaxKeyLength} ký tự ASCII nhìn thấy được (không dấu cách), ví dụ một UUID, dùng lại nguyên giá trị đó khi gửi lại.");

        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes) return TooLarge();
        var hash = Hash(request, buffer);
        MachinePush? push;
        try
        {
            push = JsonSerializer.Deserialize<MachinePush>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.InvalidByKey("body", "Nội dung yêu cầu không phải JSON hợp lệ theo dạng { framework, period, targetUnit, values, comments, submit }.");
        }
        if (push is not { Framework: { Length: > 0 } framework, Period: { Length: > 0 } period, TargetUnit: { Length: > 0 } targetUnit })
            return ApiProblems.InvalidByKey(new Dictionary<string, string[]>
            {
                ["framework"] = ["Cần ghi đủ framework, period và targetUnit."],
            });

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // SaveChanges inside this transaction would wrap itself in a savepoint (two more round trips) to survive its own
        // failure; a failed save here ends the request and rolls the whole transaction back, so none is needed.
        db.Database.AutoSavepointsEnabled = false;
        // Requests with one key queue here; a later one (or a retry) finds the first's answer and replays it.
        if (await LockAndFindAsync(db, tenant, caller.Subject, idempotencyKey, ct) is { } raced) return Replay(raced, hash, response);

        var definition = frameworks.Find(framework, null, period);
        if (definition is null)
            return FrameworkProblems.NotInForce(frameworks, framework, period);
        var schedule = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        if (!schedule.IsFound) return ApiProblems.InvalidByKey(schedule.Field, schedule.Error);

        var save = new DraftValues(definition, period, targetUnit, push.Values, push.Comments, Channels.Api) { WriteWhenUnchanged = false };
        var saved = await SaveDraft.SaveValuesAsync(db, tenant, caller, save, time, ct);
        if (saved.Invalid is { } problems) return ApiProblems.InvalidByKey(problems);
        if (saved.Refusal is { } refusal) return refusal;
        var submission = saved.Submission!;
        if (push.Submit)
        {
            if (!submission.IsEditable)
                return ApiProblems.Conflict($"Báo cáo đang ở trạng thái '{Submission.StateName(submission.State)}', không thể nộp lại.");
            if (await SubmitSubmission.Submit(db, frameworks, submission, caller, tenant, calendar, time, ct, saved.CheckedAgainst, saved.Right) is { } refused)
                return refused.Result switch
                {
                    ValidationProblem invalid => invalid,
                    ProblemHttpResult problem => problem,
                    _ => throw new InvalidOperationException("SubmitSubmission.Submit refuses with a problem."),
                };
        }

        var status = saved.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var view = SubmissionView.Of(submission);
        var answer = JsonSerializer.Serialize(view, JsonSerializerOptions.Web);
        db.IdempotencyRequests.Add(new IdempotencyRequest(tenant, caller.Subject, idempotencyKey, hash, status, answer, time.GetUtcNow()));
        try
        {
            // The body is stored as text, so a replay answers exactly these bytes.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || SaveDraft.IsUniqueViolation(ex))
        {
            // Another request (with another key, or from the web) changed or created this submission meanwhile.
            return ApiProblems.Conflict("Báo cáo vừa được thay đổi bởi một yêu cầu khác; không có gì được ghi. Gửi lại yêu cầu (có thể dùng cùng Idempotency-Key).");
        }
        return Answer(response, status, answer, view.Version, view.Id);
    }

    /// <summary>
    /// Takes the key's advisory lock for the rest of the transaction and reads the answer stored under the key, in one
    /// round trip: a batch of two statements, so the read takes its snapshot after the lock is granted and sees the
    /// answer of the request that held it (one statement doing both would read a snapshot from before the wait).
    /// </summary>
    internal static async Task<IdempotencyRequest?> LockAndFindAsync(IntakeDbContext db, string tenant, string subject, string key, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction ?? throw new InvalidOperationException("The lock is held by a transaction.")).GetDbTransaction();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)")
                {
                    Parameters = { new NpgsqlParameter<long> { TypedValue = PostgresDatabase.AdvisoryKey($"idempotency:{tenant}:{subject}:{key}") } },
                },
                new NpgsqlBatchCommand("SELECT request_hash, status_code, response_body, created_at FROM idempotency_requests WHERE tenant = $1 AND client_subject = $2 AND key = $3")
                {
                    Parameters = { new NpgsqlParameter<string> { TypedValue = tenant }, new NpgsqlParameter<string> { TypedValue = subject }, new NpgsqlParameter<string> { TypedValue = key } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new IdempotencyRequest(tenant, subject, key, reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
    }

    private static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Replay(IdempotencyRequest done, string hash, HttpResponse response)
    {
        if (done.RequestHash != hash)
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key đã được dùng",
                $"Khoá {KeyHeader} này đã được dùng cho một yêu cầu có nội dung khác; mỗi yêu cầu mới cần một khoá mới.");
        response.Headers[ReplayedHeader] = "true";
        using var document = JsonDocument.Parse(done.ResponseBody);
        var view = document.RootElement;
        return Answer(response, done.StatusCode, done.ResponseBody, view.GetProperty("version").GetInt32(), view.GetProperty("id").GetGuid());
    }

    private static ContentHttpResult Answer(HttpResponse response, int status, string body, int version, Guid id)
    {
        response.Headers.ETag = $"\"{version}\"";
        if (status == StatusCodes.Status201Created) response.Headers.Location = $"/api/intake/submissions/{id}";
        return TypedResults.Text(body, "application/json", Encoding.UTF8, status);
    }

    private static string Hash(HttpRequest request, MemoryStream body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n"));
        sha.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static ProblemHttpResult TooLarge() => ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Dữ liệu gửi lên quá lớn",
        $"Nội dung yêu cầu không được vượt quá {MaxBodyBytes / 1024} KB.");
}
