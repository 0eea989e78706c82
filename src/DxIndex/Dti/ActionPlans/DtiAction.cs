using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.DxIndex.Dti.ActionPlans;

public static class DtiActionStatuses
{
    public const string Planned = "planned";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Planned, InProgress, Done];
}

/// <summary>
/// One action of a province's DTI action plan (seed 004's "giải pháp đề xuất"): what the province will do about one
/// indicator of one year, who owns it, by when, how far it has got. Edited with <c>If-Match</c> on <see cref="Version"/>.
/// </summary>
public sealed class DtiAction
{
    public Guid Id { get; set; }
    public string Tenant { get; set; } = "";
    public int Year { get; set; }

    /// <summary>The province (unit code) the plan belongs to.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The indicator's code in the framework in force for <see cref="Year"/> (e.g. <c>6.4</c>).</summary>
    public string Indicator { get; set; } = "";

    public string Action { get; set; } = "";
    public string OwnerAgency { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public int Progress { get; set; }
    public string Status { get; set; } = DtiActionStatuses.Planned;
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The <c>sub</c> of who wrote it last.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Their name as the token gave it, for people reading the plan.</summary>
    public string UpdatedByName { get; set; } = "";

    /// <summary>1 when created, +1 per change; the ETag.</summary>
    public int Version { get; set; }
}

internal sealed class DtiActionConfiguration : IEntityTypeConfiguration<DtiAction>
{
    public void Configure(EntityTypeBuilder<DtiAction> e)
    {
        e.ToTable("dti_actions");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(a => a.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(a => a.Year).HasColumnName("year");
        e.Property(a => a.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(a => a.Indicator).HasColumnName("indicator").HasMaxLength(40);
        e.Property(a => a.Action).HasColumnName("action").HasMaxLength(ActionInput.ActionMax);
        e.Property(a => a.OwnerAgency).HasColumnName("owner_agency").HasMaxLength(ActionInput.OwnerAgencyMax);
        e.Property(a => a.DueDate).HasColumnName("due_date");
        e.Property(a => a.Progress).HasColumnName("progress");
        e.Property(a => a.Status).HasColumnName("status").HasMaxLength(20);
        e.Property(a => a.Note).HasColumnName("note").HasMaxLength(ActionInput.NoteMax);
        e.Property(a => a.CreatedAt).HasColumnName("created_at");
        e.Property(a => a.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        e.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        e.Property(a => a.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
        e.Property(a => a.UpdatedByName).HasColumnName("updated_by_name").HasMaxLength(300);
        // Two people saving the same version at once: the second UPDATE matches no row and is told its copy is stale.
        e.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
        e.HasIndex(a => new { a.Tenant, a.Unit, a.Year, a.Indicator }).HasDatabaseName("ix_dti_actions_plan");
        e.ToTable(t => t.HasCheckConstraint("ck_dti_actions_progress", "progress BETWEEN 0 AND 100"));
    }
}
