using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Reminders;

/// <summary>The reminder settings a platform administrator saved for a tenant (absent: <see cref="ReminderOptions"/>).</summary>
public sealed class StoredReminderSettings
{
    public string Tenant { get; set; } = "";

    /// <summary><c>3@08:00;1@08:00;0@08:00</c>.</summary>
    public string Offsets { get; set; } = "";

    public int LeaderAfterWorkingDays { get; set; }
    public int ReviewerAfterWorkingDays { get; set; }
    public DateOnly[] Holidays { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class StoredReminderSettingsConfiguration : IEntityTypeConfiguration<StoredReminderSettings>
{
    public void Configure(EntityTypeBuilder<StoredReminderSettings> builder)
    {
        builder.ToTable("reminder_settings");
        builder.HasKey(s => s.Tenant);
        builder.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(s => s.Offsets).HasColumnName("offsets").HasMaxLength(500);
        builder.Property(s => s.LeaderAfterWorkingDays).HasColumnName("leader_after_working_days");
        builder.Property(s => s.ReviewerAfterWorkingDays).HasColumnName("reviewer_after_working_days");
        builder.Property(s => s.Holidays).HasColumnName("holidays");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.Property(s => s.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
    }
}

/// <summary>One reminder before a deadline: so many working days before its last day, at a Vietnam time.</summary>
public sealed record EffectiveOffset(int WorkingDaysBefore, TimeOnly Time)
{
    /// <summary>The reminder's name in causes and job keys: <c>3wd-0800</c>.</summary>
    public string Code => $"{WorkingDaysBefore}wd-{Time:HHmm}";
}

/// <summary>The settings in force for a tenant.</summary>
public sealed record EffectiveReminderSettings(IReadOnlyList<EffectiveOffset> Offsets, int LeaderAfterWorkingDays, int ReviewerAfterWorkingDays,
    IReadOnlySet<DateOnly> Holidays, TimeOnly Morning)
{
    public WorkingCalendar Calendar => new(Holidays);
}

public sealed class ReminderSettingsStore(IOptions<ReminderOptions> options)
{
    public async Task<EffectiveReminderSettings> GetAsync(DbContext db, string tenant, CancellationToken ct)
    {
        var defaults = options.Value;
        var stored = await db.Set<StoredReminderSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Tenant == tenant, ct);
        if (stored is null)
            return new EffectiveReminderSettings(
                defaults.OffsetsOrDefault().Select(o => new EffectiveOffset(o.WorkingDaysBefore, ParseTime(o.Time))).ToList(),
                defaults.LeaderAfterWorkingDays, defaults.ReviewerAfterWorkingDays,
                defaults.Holidays.Select(ParseDate).ToHashSet(), defaults.Morning());
        return new EffectiveReminderSettings(ParseOffsets(stored.Offsets), stored.LeaderAfterWorkingDays, stored.ReviewerAfterWorkingDays,
            stored.Holidays.ToHashSet(), defaults.Morning());
    }

    public static string FormatOffsets(IEnumerable<EffectiveOffset> offsets) =>
        string.Join(';', offsets.Select(o => $"{o.WorkingDaysBefore}@{o.Time:HH\\:mm}"));

    private static List<EffectiveOffset> ParseOffsets(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('@'))
            .Select(p => new EffectiveOffset(int.Parse(p[0], CultureInfo.InvariantCulture), ParseTime(p[1])))
            .ToList();

    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
