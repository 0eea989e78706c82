using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.FocalPoints;

/// <summary>
/// The version of one agency's registration for one framework (the ETag of <c>PUT /focal-points/{framework}</c>) and who
/// saved it last; the people are the <see cref="FocalPoint"/> rows.
/// </summary>
public sealed class FocalPointRegistrationState
{
    public string Tenant { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Framework { get; set; } = "";

    /// <summary>1 after the first save, +1 per save; 0 (no row) before.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string? UpdatedByName { get; set; }
}

/// <summary>The date by which the agencies under <see cref="Unit"/> are to register their focal points for a framework.</summary>
public sealed class FocalPointDueDate
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";

    /// <summary>The unit that set it (a province, a ministry); it applies to its subtree.</summary>
    public string Unit { get; set; } = "";

    public DateOnly DueDate { get; set; }
    public string SetBy { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}

internal sealed class FocalPointRegistrationStateConfiguration : IEntityTypeConfiguration<FocalPointRegistrationState>
{
    public void Configure(EntityTypeBuilder<FocalPointRegistrationState> builder)
    {
        builder.ToTable("focal_point_registrations");
        builder.HasKey(r => new { r.Tenant, r.Unit, r.Framework });
        builder.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(r => r.Unit).HasColumnName("unit").HasMaxLength(100);
        builder.Property(r => r.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
        builder.Property(r => r.UpdatedByName).HasColumnName("updated_by_name").HasMaxLength(300);
    }
}

internal sealed class FocalPointDueDateConfiguration : IEntityTypeConfiguration<FocalPointDueDate>
{
    public void Configure(EntityTypeBuilder<FocalPointDueDate> builder)
    {
        builder.ToTable("focal_point_due_dates");
        builder.HasKey(d => new { d.Tenant, d.Framework, d.Unit });
        builder.Property(d => d.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(d => d.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(d => d.Unit).HasColumnName("unit").HasMaxLength(100);
        builder.Property(d => d.DueDate).HasColumnName("due_date");
        builder.Property(d => d.SetBy).HasColumnName("set_by").HasMaxLength(200);
        builder.Property(d => d.SetAt).HasColumnName("set_at");
    }
}
