using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Workflow;

/// <summary>
/// One part of a large group's published results, kept by <see cref="ScoresPublishedPartNotice"/> until the revision's
/// last part arrives (table <c>result_parts</c>). <see cref="Units"/> holds what the notices say about each of the part's
/// units and is emptied once they are written; the row stays, so the same part arriving again adds nothing.
/// </summary>
public sealed class ResultPart
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeerGroup { get; set; } = "";
    public int Revision { get; set; }
    public int Part { get; set; }
    public int Parts { get; set; }

    /// <summary>The cause of the notices about this part's units, without the unit: <c>event:{messageId}</c>.</summary>
    public string Cause { get; set; } = "";

    /// <summary>How many of the part's units reported.</summary>
    public int Reported { get; set; }

    /// <summary>JSON array of the part's units (code, total, class, rank, reported, changed); null once their notices are written.</summary>
    public string? Units { get; set; }
}

internal sealed class ResultPartConfiguration : IEntityTypeConfiguration<ResultPart>
{
    public void Configure(EntityTypeBuilder<ResultPart> e)
    {
        e.ToTable("result_parts");
        e.HasKey(p => new { p.Tenant, p.Framework, p.Period, p.PeerGroup, p.Revision, p.Part });
        e.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(p => p.Framework).HasColumnName("framework").HasMaxLength(100);
        e.Property(p => p.Period).HasColumnName("period").HasMaxLength(40);
        e.Property(p => p.PeerGroup).HasColumnName("peer_group").HasMaxLength(100);
        e.Property(p => p.Revision).HasColumnName("revision");
        e.Property(p => p.Part).HasColumnName("part");
        e.Property(p => p.Parts).HasColumnName("parts");
        e.Property(p => p.Cause).HasColumnName("cause").HasMaxLength(200);
        e.Property(p => p.Reported).HasColumnName("reported");
        e.Property(p => p.Units).HasColumnName("units").HasColumnType("jsonb");
    }
}
