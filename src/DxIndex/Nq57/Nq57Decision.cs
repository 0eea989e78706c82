using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.Nq57;

/// <summary>
/// The final decision on one commune's self-assessment in a round, by revision: the first is revision 1, re-deciding
/// adds the next one with its reason; the highest revision is the one in force. Final scores are the complete set per
/// criterion; <see cref="ChangesJson"/> holds the reason of every criterion decided differently from the reviewer's
/// score (or the self score where the reviewer gave none).
/// </summary>
public sealed class Nq57Decision
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Unit { get; set; } = "";
    public int DecisionRevision { get; set; }
    public int AssessmentRevision { get; set; }
    public string ScoresJson { get; set; } = "{}";
    public string ChangesJson { get; set; } = "{}";
    public string? Reason { get; set; }
    public decimal Total { get; set; }
    public decimal GroupA { get; set; }
    public decimal GroupB { get; set; }
    public string DecidedBy { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public string DecidedByUnit { get; set; } = "";
    public DateTimeOffset DecidedAt { get; set; }
    public bool Demo { get; set; }
}

internal sealed class Nq57DecisionConfiguration : IEntityTypeConfiguration<Nq57Decision>
{
    public void Configure(EntityTypeBuilder<Nq57Decision> e)
    {
        e.ToTable("nq57_decisions");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).HasColumnName("id");
        e.Property(d => d.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(d => d.FrameworkId).HasColumnName("framework_id").HasMaxLength(100);
        e.Property(d => d.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(d => d.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(d => d.DecisionRevision).HasColumnName("decision_revision");
        e.Property(d => d.AssessmentRevision).HasColumnName("assessment_revision");
        e.Property(d => d.ScoresJson).HasColumnName("scores").HasColumnType("jsonb");
        e.Property(d => d.ChangesJson).HasColumnName("changes").HasColumnType("jsonb");
        e.Property(d => d.Reason).HasColumnName("reason").HasMaxLength(4000);
        e.Property(d => d.Total).HasColumnName("total").HasPrecision(9, 4);
        e.Property(d => d.GroupA).HasColumnName("group_a").HasPrecision(9, 4);
        e.Property(d => d.GroupB).HasColumnName("group_b").HasPrecision(9, 4);
        e.Property(d => d.DecidedBy).HasColumnName("decided_by").HasMaxLength(200);
        e.Property(d => d.DecidedByName).HasColumnName("decided_by_name").HasMaxLength(300);
        e.Property(d => d.DecidedByUnit).HasColumnName("decided_by_unit").HasMaxLength(100);
        e.Property(d => d.DecidedAt).HasColumnName("decided_at");
        e.Property(d => d.Demo).HasColumnName("demo");
        // Two people deciding at once: one of them gets the revision, the other a conflict.
        e.HasIndex(d => new { d.Tenant, d.FrameworkId, d.Period, d.Unit, d.DecisionRevision }).IsUnique().HasDatabaseName("ux_nq57_decisions_revision");
    }
}
