using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// One part of a revision published in parts (<c>ScoresPublishedPart</c>), recorded when it is applied (table
/// <c>publication_parts</c>): its units are already in <see cref="PublishedScore"/>, but nobody reads them until the
/// revision's <see cref="Publication"/> row exists, which is added when the last missing part arrives. Kept after
/// completion, so a part that arrives again (another message id) is recognised and changes nothing.
/// </summary>
public sealed class PublicationPart
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeerGroup { get; set; } = "";
    public int Revision { get; set; }

    /// <summary>1-based part number, and how many parts the revision has.</summary>
    public int Part { get; set; }

    public int Parts { get; set; }

    /// <summary>Units the whole revision has, as the part says.</summary>
    public int UnitCount { get; set; }

    /// <summary>Units in this part, and how many of them reported.</summary>
    public int Units { get; set; }

    public int Reported { get; set; }

    /// <summary>The changed units among this part's units; null for revision 1.</summary>
    public string[]? ChangedUnits { get; set; }
}

internal sealed class PublicationPartConfiguration : IEntityTypeConfiguration<PublicationPart>
{
    public void Configure(EntityTypeBuilder<PublicationPart> e)
    {
        e.ToTable("publication_parts");
        e.HasKey(p => new { p.Tenant, p.Framework, p.Period, p.PeerGroup, p.Revision, p.Part });
        e.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(p => p.Framework).HasColumnName("framework").HasMaxLength(100);
        e.Property(p => p.Period).HasColumnName("period").HasMaxLength(40);
        e.Property(p => p.PeerGroup).HasColumnName("peer_group").HasMaxLength(100);
        e.Property(p => p.Revision).HasColumnName("revision");
        e.Property(p => p.Part).HasColumnName("part");
        e.Property(p => p.Parts).HasColumnName("parts");
        e.Property(p => p.UnitCount).HasColumnName("unit_count");
        e.Property(p => p.Units).HasColumnName("units");
        e.Property(p => p.Reported).HasColumnName("reported");
        e.Property(p => p.ChangedUnits).HasColumnName("changed_units");
    }
}
