using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Http;

/// <summary>Outcome of <see cref="Versioning.CheckIfMatch"/>.</summary>
public enum Precondition { Met, Missing, Failed }

/// <summary>
/// Optimistic concurrency over HTTP for every versioned record (submissions, assignments): the version is the ETag,
/// writes carry <c>If-Match</c>, and a stale or missing one is answered with the current version (412 / 428).
/// Used by intake (submissions, assignments) and dx-index (DTI action plans).
/// </summary>
public static class Versioning
{
    public static string ETag(int version) => $"\"{version}\"";

    public static Precondition CheckIfMatch(HttpRequest request, int version, bool required)
    {
        var tags = request.GetTypedHeaders().IfMatch;
        if (tags is null || tags.Count == 0) return required ? Precondition.Missing : Precondition.Met;
        var current = new EntityTagHeaderValue(ETag(version));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false))
            ? Precondition.Met
            : Precondition.Failed;
    }

    /// <param name="record">The record in Vietnamese, capitalised as it starts a sentence: "Báo cáo", "Phân công".</param>
    public static ProblemHttpResult PreconditionProblem(Precondition outcome, HttpResponse response, int version, string record)
    {
        var etag = ETag(version);
        response.Headers.ETag = etag;
        var extensions = new Dictionary<string, object?> { ["currentVersion"] = version, ["etag"] = etag };
        return outcome == Precondition.Missing
            ? ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "Thiếu điều kiện If-Match",
                $"{record} đã tồn tại: gửi kèm tiêu đề If-Match với phiên bản đang sửa (hiện tại là {etag}) để không ghi đè thay đổi của người khác.",
                extensions)
            : ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "Dữ liệu đã được người khác thay đổi",
                $"{record} đã được thay đổi sau khi bạn tải về; phiên bản hiện tại là {etag}. Vui lòng tải lại, kiểm tra và lưu lại.",
                extensions);
    }
}
