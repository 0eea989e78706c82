using Platform.ServiceDefaults.Problems;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Frameworks;

/// <summary>
/// Records a new version of a framework uploaded by a national framework administrator: checked exactly as the
/// shipped files are, then as a successor of the version in force (later start, a legal basis, no period already
/// closed), stored with an audit line and announced (<c>FrameworkVersionPublished</c>) in one transaction. It is in
/// force from its <c>effectiveFrom</c>; the version it follows keeps every earlier period.
/// </summary>
public static class UploadFramework
{
    public static async Task<Results<Created<FrameworkVersionSummary>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, IntakeDbContext db, ClaimsPrincipal user, IOptions<IntakeOptions> options, TimeProvider time,
        FrameworkStore<IntakeDbContext> store, CancellationToken ct)
    {
        var tenant = options.Value.Tenant;
        if (user.OrgUnit() is not { } unit || !await db.OrganisationUnits.AnyAsync(u => u.Tenant == tenant && u.Code == unit && u.ParentCode == null, ct))
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Không có quyền",
                "Chỉ quản trị khung chỉ số cấp trung ương ban hành phiên bản khung mới; các tỉnh, bộ điều chỉnh phân công, không sửa khung.");
        if (await FrameworkBody.ReadAsync(request, ct) is not { } json) return FrameworkBody.TooLarge();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FrameworkVersionStore.LockAsync(db, ct);
        // Checked against the store as it is now, under the lock: two uploads cannot both succeed the same version.
        await store.ReloadAsync(ct);
        var frameworks = store.Versions.Catalog;
        var upload = await FrameworkUpload.CheckAsync(json, frameworks, db, tenant, ct);
        if (upload.Problems.Count > 0 || upload.Framework is not { } framework)
            return ApiProblems.Invalid(upload.Problems, "Định nghĩa khung chưa hợp lệ; xem từng lỗi theo vị trí trong 'errors'.",
                title: "Không ghi nhận được phiên bản khung");

        var d = framework.Definition;
        var by = user.Identity?.Name ?? user.Subject() ?? "";
        var row = FrameworkVersionStore.Add(db, tenant, d, json, FrameworkVersionSources.Uploaded, by, time);
        db.AuditEntries.Add(new AuditEntry("framework", $"{d.Id}/{d.Version}", "uploaded", by, row.RecordedAt,
            $"Hiệu lực từ kỳ {FrameworkUpload.Shown(d.EffectiveFrom)}; căn cứ {d.LegalBasis!.Describe()}; " +
            $"theo sau phiên bản \"{upload.Follows?.Version}\"; {upload.Changes.Count} thay đổi."));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await store.ReloadAsync(ct);
        return TypedResults.Created($"/api/intake/frameworks/{Uri.EscapeDataString(d.Id)}/versions/{Uri.EscapeDataString(d.Version)}",
            FrameworkVersionSummary.Of(d, row));
    }
}
