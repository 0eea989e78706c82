using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Reporting.ReadModels;

/// <summary>
/// One published revision of official results: a monthly peer group (<c>ScoresPublished</c>) or the year's DTI
/// (<c>DxIndexPublished</c>, peer group <c>provinces</c>). Every revision is kept (history and corrections);
/// <see cref="IsCurrent"/> marks the highest one of its (tenant, framework, period, peer group).
/// </summary>
public sealed class Publication
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeerGroup { get; set; } = "";
    public int Revision { get; set; }

    public string FrameworkVersion { get; set; } = "";
    public int? Supersedes { get; set; }

    /// <summary>The correction's reason (Vietnamese free text); null for revision 1.</summary>
    public string? Reason { get; set; }

    public string[]? ChangedUnits { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Units in the revision, and how many of them reported.</summary>
    public int Units { get; set; }

    public int Reported { get; set; }

    /// <summary>The highest revision known for its key (maintained whenever a revision is stored).</summary>
    public bool IsCurrent { get; set; }
}

/// <summary>
/// One unit's result in one <see cref="Publication"/> revision. Monthly: total, class, rank, bonus, groups A–E. DTI:
/// total of 1,000, rank, pillars 1–8 in <see cref="Groups"/>, no class. A unit that has not reported has no total,
/// class or rank (<see cref="Reported"/> false).
/// </summary>
public sealed class PublishedScore
{
    public string Tenant { get; set; } = "";
    public string Framework { get; set; } = "";
    public string Period { get; set; } = "";
    public string PeerGroup { get; set; } = "";
    public int Revision { get; set; }
    public string Unit { get; set; } = "";

    public bool Reported { get; set; }
    public int? Rank { get; set; }
    public decimal? Total { get; set; }
    public decimal? Unrounded { get; set; }
    public string? Classification { get; set; }
    public decimal Bonus { get; set; }

    /// <summary>JSON object: group (or DTI pillar) code → score, e.g. <c>{"A": 18.5}</c>.</summary>
    public string Groups { get; set; } = "{}";

    /// <summary>JSON object: indicator code → <c>{"score":…,"max":…,"flags":[…]}</c>.</summary>
    public string Indicators { get; set; } = "{}";
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> e)
    {
        e.ToTable("publications");
        e.HasKey(p => new { p.Tenant, p.Framework, p.Period, p.PeerGroup, p.Revision });
        e.Property(p => p.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(p => p.Framework).HasColumnName("framework").HasMaxLength(100);
        e.Property(p => p.Period).HasColumnName("period").HasMaxLength(40);
        e.Property(p => p.PeerGroup).HasColumnName("peer_group").HasMaxLength(100);
        e.Property(p => p.Revision).HasColumnName("revision");
        e.Property(p => p.FrameworkVersion).HasColumnName("framework_version").HasMaxLength(40);
        e.Property(p => p.Supersedes).HasColumnName("supersedes");
        e.Property(p => p.Reason).HasColumnName("reason").HasMaxLength(4000);
        e.Property(p => p.ChangedUnits).HasColumnName("changed_units");
        e.Property(p => p.PublishedAt).HasColumnName("published_at");
        e.Property(p => p.Units).HasColumnName("units");
        e.Property(p => p.Reported).HasColumnName("reported");
        e.Property(p => p.IsCurrent).HasColumnName("is_current");
        e.HasIndex(p => new { p.Tenant, p.Framework, p.PeerGroup, p.Period }).HasFilter("is_current").HasDatabaseName("ix_publications_current");
    }
}

internal sealed class PublishedScoreConfiguration : IEntityTypeConfiguration<PublishedScore>
{
    public void Configure(EntityTypeBuilder<PublishedScore> e)
    {
        e.ToTable("published_scores");
        e.HasKey(s => new { s.Tenant, s.Framework, s.Period, s.PeerGroup, s.Revision, s.Unit });
        e.Property(s => s.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(s => s.Framework).HasColumnName("framework").HasMaxLength(100);
        e.Property(s => s.Period).HasColumnName("period").HasMaxLength(40);
        e.Property(s => s.PeerGroup).HasColumnName("peer_group").HasMaxLength(100);
        e.Property(s => s.Revision).HasColumnName("revision");
        e.Property(s => s.Unit).HasColumnName("unit").HasMaxLength(100);
        e.Property(s => s.Reported).HasColumnName("reported");
        e.Property(s => s.Rank).HasColumnName("rank");
        e.Property(s => s.Total).HasColumnName("total").HasPrecision(12, 4);
        e.Property(s => s.Unrounded).HasColumnName("unrounded").HasPrecision(28, 12);
        e.Property(s => s.Classification).HasColumnName("classification").HasMaxLength(4);
        e.Property(s => s.Bonus).HasColumnName("bonus").HasPrecision(12, 4);
        e.Property(s => s.Groups).HasColumnName("groups").HasColumnType("jsonb");
        e.Property(s => s.Indicators).HasColumnName("indicators").HasColumnType("jsonb");
        // A unit's months (dashboards, scorecard's "last month").
        e.HasIndex(s => new { s.Tenant, s.Framework, s.Unit, s.Period }).HasDatabaseName("ix_published_scores_unit");
    }
}
