using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Platform.Intake.Data;
using Platform.Intake.Submissions;
using Platform.Intake.Units;

namespace Platform.Intake.Assignments;

/// <summary>ETags, the scoped query and the problem answers shared by the assignment handlers.</summary>
internal static class AssignmentHttp
{
    public static string ETagOf(Assignment a) => $"\"{a.Version}\"";

    /// <summary>The tenant's assignments whose target unit lies in the caller's subtree (an administrator's scope).</summary>
    public static IQueryable<Assignment> Administered(this IntakeDbContext db, string tenant, string callerUnit, TimeProvider time) =>
        db.Assignments.Where(a => a.Tenant == tenant)
            .WithinSubtree(a => a.TargetUnit, db.SubtreeCodes(tenant, callerUnit, time.TodayInVietnam()));

    public static Precondition CheckIfMatch(HttpRequest request, Assignment a, bool required)
    {
        var tags = request.GetTypedHeaders().IfMatch;
        if (tags is null || tags.Count == 0) return required ? Precondition.Missing : Precondition.Met;
        var current = new EntityTagHeaderValue(ETagOf(a));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false))
            ? Precondition.Met
            : Precondition.Failed;
    }

    public static ProblemHttpResult PreconditionProblem(Precondition outcome, HttpResponse response, Assignment current)
    {
        response.Headers.ETag = ETagOf(current);
        var extensions = new Dictionary<string, object?> { ["currentVersion"] = current.Version, ["etag"] = ETagOf(current) };
        return outcome == Precondition.Missing
            ? SubmissionHttp.Problem(StatusCodes.Status428PreconditionRequired, "Thiếu điều kiện If-Match",
                $"Gửi kèm tiêu đề If-Match với phiên bản phân công đang sửa (hiện tại là {ETagOf(current)}) để không ghi đè thay đổi của người khác.",
                extensions)
            : SubmissionHttp.Problem(StatusCodes.Status412PreconditionFailed, "Dữ liệu đã được người khác thay đổi",
                $"Phân công đã được thay đổi sau khi bạn tải về; phiên bản hiện tại là {ETagOf(current)}. Vui lòng tải lại, kiểm tra và lưu lại.",
                extensions);
    }

    public static ProblemHttpResult NotFound() => SubmissionHttp.Problem(StatusCodes.Status404NotFound, "Không tìm thấy",
        "Không tìm thấy phân công, hoặc phân công không thuộc phạm vi đơn vị của bạn.");

    public static string RoleName(string role) => role == AssignmentRoles.Lead ? "chủ trì" : "phối hợp";
}
