using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.MonthlyScoring.Bonus;

namespace Platform.MonthlyScoring.Data;

internal sealed class BonusProposalConfiguration : IEntityTypeConfiguration<BonusProposal>
{
    public void Configure(EntityTypeBuilder<BonusProposal> e)
    {
        e.ToTable("bonus_proposals", t => t.HasCheckConstraint("ck_bonus_proposals_points", "points IS NULL OR (points >= 1 AND points <= 5)"));
        e.HasKey(b => b.Id);
        e.Property(b => b.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(b => b.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(b => b.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(b => b.Period).HasColumnName("period").HasMaxLength(20);
        e.Property(b => b.Justification).HasColumnName("justification").HasMaxLength(4000);
        e.Property(b => b.Evidence).HasColumnName("evidence").HasMaxLength(1000);
        e.Property(b => b.State).HasColumnName("state").HasMaxLength(20);
        e.Property(b => b.ProposedBy).HasColumnName("proposed_by").HasMaxLength(200);
        e.Property(b => b.ProposedAt).HasColumnName("proposed_at");
        e.Property(b => b.Points).HasColumnName("points").HasPrecision(3, 1);
        e.Property(b => b.DecisionNote).HasColumnName("decision_note").HasMaxLength(4000);
        e.Property(b => b.DecidedBy).HasColumnName("decided_by").HasMaxLength(200);
        e.Property(b => b.DecidedByName).HasColumnName("decided_by_name").HasMaxLength(200);
        e.Property(b => b.DecidedAt).HasColumnName("decided_at");
        e.Property(b => b.DecisionBasis).HasColumnName("decision_basis").HasMaxLength(1000);
        e.Property(b => b.Version).IsRowVersion();
        e.HasIndex(b => new { b.Tenant, b.Period, b.Unit }, "ix_bonus_proposals_period_unit");
        // At most one open or approved proposal per unit and month.
        e.HasIndex(b => new { b.Tenant, b.Period, b.Unit }, "ux_bonus_proposals_open").IsUnique().HasFilter("state <> 'rejected'");
    }
}
