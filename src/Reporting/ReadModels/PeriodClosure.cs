using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Reporting.ReadModels;

/// <summary>A period's deadline that passed at one level (<c>PeriodClosed</c>, published once per key).</summary>
public sealed class PeriodClosure
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";

    /// <summary><c>agency-to-province</c> or <c>to-national</c>.</summary>
    public string Level { get; set; } = "";

    public string FrameworkVersion { get; set; } = "";

    /// <summary>UTC, exclusive.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}

internal sealed class PeriodClosureConfiguration : IEntityTypeConfiguration<PeriodClosure>
{
    public void Configure(EntityTypeBuilder<PeriodClosure> e)
    {
        e.ToTable("period_closures");
        e.HasKey(c => new { c.Tenant, c.Framework, c.Period, c.Level });
        e.Property(c => c.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(c => c.Framework).HasColumnName("framework").HasMaxLength(100);
        e.Property(c => c.Period).HasColumnName("period").HasMaxLength(40);
        e.Property(c => c.Level).HasColumnName("level").HasMaxLength(40);
        e.Property(c => c.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(40);
        e.Property(c => c.DueAt).HasColumnName("due_at");
        e.Property(c => c.ClosedAt).HasColumnName("closed_at");
    }
}
