using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Scheduling;

/// <summary>
/// One thing to do at one instant (a deadline reminder, an escalation, a focal-point reminder), kept in the service's own
/// table so the schedule survives restarts. <see cref="Key"/> names it for good (planning it again updates the row), and
/// replicas share the due rows through a lease (<see cref="JobRunner"/>).
/// </summary>
public sealed class ScheduledJob
{
    /// <summary>E.g. <c>national|reminder|monthly-4585|2026-11|agency-to-province|lao-cai|3wd-0800</c>.</summary>
    public string Key { get; set; } = "";

    public string Tenant { get; set; } = "";

    /// <summary><see cref="JobKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string Level { get; set; } = "";

    /// <summary>The overseeing unit of the deadline, or the unit that set a focal-point due date.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Which reminder of the deadline: the offset (<c>3wd-0800</c>), <c>leader</c>, <c>reviewer</c> or a date.</summary>
    public string Step { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    /// <summary><see cref="JobStates"/>.</summary>
    public string State { get; set; } = JobStates.Pending;

    /// <summary>A replica holds the job until then; another takes it only after.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>How many notifications the run wrote (new rows).</summary>
    public int Recipients { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class JobKinds
{
    public const string Reminder = "reminder";
    public const string LeaderEscalation = "escalation-leader";
    public const string ReviewerEscalation = "escalation-reviewer";
    public const string FocalPointsMissing = "focal-points-missing";
}

public static class JobStates
{
    public const string Pending = "pending";
    public const string Done = "done";

    /// <summary>Its instant had passed when the deadline was announced (a late announcement): not sent.</summary>
    public const string Skipped = "skipped";

    /// <summary>No longer planned (the settings or the deadline changed).</summary>
    public const string Cancelled = "cancelled";

    public static string Name(string state) => state switch
    {
        Pending => "đang chờ",
        Done => "đã gửi",
        Skipped => "bỏ qua (đã quá thời điểm khi nhận thông báo hạn)",
        Cancelled => "đã huỷ",
        _ => state,
    };
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> builder)
    {
        builder.ToTable("scheduled_jobs");
        builder.HasKey(j => j.Key);
        builder.Property(j => j.Key).HasColumnName("key").HasMaxLength(500);
        builder.Property(j => j.Tenant).HasColumnName("tenant").HasMaxLength(100);
        builder.Property(j => j.Kind).HasColumnName("kind").HasMaxLength(40);
        builder.Property(j => j.Framework).HasColumnName("framework").HasMaxLength(100);
        builder.Property(j => j.Period).HasColumnName("period").HasMaxLength(40);
        builder.Property(j => j.Level).HasColumnName("level").HasMaxLength(40);
        builder.Property(j => j.Unit).HasColumnName("unit").HasMaxLength(100);
        builder.Property(j => j.Step).HasColumnName("step").HasMaxLength(40);
        builder.Property(j => j.DueAt).HasColumnName("due_at");
        builder.Property(j => j.State).HasColumnName("state").HasMaxLength(20);
        builder.Property(j => j.LockedUntil).HasColumnName("locked_until");
        builder.Property(j => j.Attempts).HasColumnName("attempts");
        builder.Property(j => j.CompletedAt).HasColumnName("completed_at");
        builder.Property(j => j.Recipients).HasColumnName("recipients");
        builder.Property(j => j.LastError).HasColumnName("last_error").HasMaxLength(2000);
        builder.Property(j => j.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(j => j.DueAt).HasFilter("state = 'pending'").HasDatabaseName("ix_scheduled_jobs_due");
        builder.HasIndex(j => new { j.Tenant, j.Framework, j.Period }).HasDatabaseName("ix_scheduled_jobs_deadline");
    }
}
