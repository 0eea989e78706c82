using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Preferences;

/// <summary>
/// One person's choice of channels for one kind of notification. No row: both channels. A legal kind's row is never
/// written with a channel off (<see cref="UpdatePreferences"/> refuses it), and would be ignored if it were.
/// </summary>
public sealed class Preference
{
    public string Tenant { get; set; } = "";

    /// <summary>The person's <c>sub</c>.</summary>
    public string Subject { get; set; } = "";

    public string Kind { get; set; } = "";
    public bool Email { get; set; } = true;
    public bool InApp { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PreferenceConfiguration : IEntityTypeConfiguration<Preference>
{
    public void Configure(EntityTypeBuilder<Preference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.Tenant, p.Subject, p.Kind });
        builder.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(p => p.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(p => p.Kind).HasColumnName("kind").HasMaxLength(60);
        builder.Property(p => p.Email).HasColumnName("email");
        builder.Property(p => p.InApp).HasColumnName("in_app");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
    }
}
