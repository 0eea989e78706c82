using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.Nq57;

/// <summary>Where a commune's self-assessment stands in a round, as intake's events tell it.</summary>
public static class Nq57States
{
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";

    public static string Name(string? state) => state switch
    {
        Submitted => "Đã nộp, chờ thẩm định",
        Returned => "Bị trả lại",
        Approved => "Đã thẩm định",
        _ => "Chưa nộp",
    };
}

/// <summary>
/// One commune's self-assessment in one round (<c>Period</c>, e.g. <c>2026</c>) of a rubric framework with reviewer
/// scores: the latest state intake reported (by submission revision: an older event delivered late changes nothing),
/// the approved values (the self-assessment), and the reviewer's scores and comments per criterion.
/// </summary>
public sealed class Nq57Assessment
{
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Unit { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public string FrameworkVersion { get; set; } = "";
    public string State { get; set; } = "";
    public bool Late { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset StateAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ReturnReason { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The approved values (jsonb object, input key → plain JSON value); null until approved.</summary>
    public string? ValuesJson { get; set; }

    public string? ReviewerScoresJson { get; set; }
    public string? ReviewerCommentsJson { get; set; }

    /// <summary>Illustrative data ("dữ liệu minh họa"), seeded by <see cref="Nq57DemoData"/>; never from intake.</summary>
    public bool Demo { get; set; }
}

internal sealed class Nq57AssessmentConfiguration : IEntityTypeConfiguration<Nq57Assessment>
{
    public void Configure(EntityTypeBuilder<Nq57Assessment> e)
    {
        e.ToTable("nq57_assessments");
        e.HasKey(a => new { a.Tenant, a.FrameworkId, a.Period, a.Unit });
        e.Property(a => a.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(a => a.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(a => a.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(a => a.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(a => a.SubmissionId).HasColumnName("submission_id");
        e.Property(a => a.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(300);
        e.Property(a => a.State).HasColumnName("state").HasMaxLength(20);
        e.Property(a => a.Late).HasColumnName("late");
        e.Property(a => a.Revision).HasColumnName("revision");
        e.Property(a => a.StateAt).HasColumnName("state_at");
        e.Property(a => a.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(200);
        e.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        e.Property(a => a.ReturnReason).HasColumnName("return_reason").HasMaxLength(4000);
        e.Property(a => a.ApprovedBy).HasColumnName("approved_by").HasMaxLength(200);
        e.Property(a => a.ApprovedAt).HasColumnName("approved_at");
        e.Property(a => a.ValuesJson).HasColumnName("values").HasColumnType("jsonb");
        e.Property(a => a.ReviewerScoresJson).HasColumnName("reviewer_scores").HasColumnType("jsonb");
        e.Property(a => a.ReviewerCommentsJson).HasColumnName("reviewer_comments").HasColumnType("jsonb");
        e.Property(a => a.Demo).HasColumnName("demo");
    }
}
