using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.FocalPoints;

/// <summary>
/// One person an agency registered as responsible for one framework (cán bộ đầu mối, seed 000: "đăng ký cán bộ đầu mối về
/// Sở Khoa học và Công nghệ"): deadline reminders and workflow notices about the agency's reports go to them first.
/// An agency's registration for a framework is the ordered list of its rows.
/// </summary>
public sealed class FocalPoint
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Framework { get; set; } = "";
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Chức vụ, e.g. "Chuyên viên phòng Kế hoạch".</summary>
    public string? Position { get; set; }

    /// <summary>Lower case.</summary>
    public string Email { get; set; } = "";

    public string? Phone { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}

internal sealed class FocalPointConfiguration : IEntityTypeConfiguration<FocalPoint>
{
    public void Configure(EntityTypeBuilder<FocalPoint> builder)
    {
        builder.ToTable("focal_points");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasColumnName("id");
        builder.Property(f => f.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(f => f.Unit).HasColumnName("unit").HasMaxLength(100);
        builder.Property(f => f.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(f => f.Ordinal).HasColumnName("ordinal");
        builder.Property(f => f.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(f => f.Position).HasColumnName("position").HasMaxLength(200);
        builder.Property(f => f.Email).HasColumnName("email").HasMaxLength(320);
        builder.Property(f => f.Phone).HasColumnName("phone").HasMaxLength(40);
        builder.Property(f => f.RegisteredBy).HasColumnName("registered_by").HasMaxLength(200);
        builder.Property(f => f.RegisteredAt).HasColumnName("registered_at");
        builder.HasIndex(f => new { f.Tenant, f.Unit, f.Framework, f.Ordinal }).IsUnique().HasDatabaseName("ux_focal_points_order");
    }
}
