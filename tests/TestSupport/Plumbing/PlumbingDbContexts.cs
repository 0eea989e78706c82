using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.DataAndMessaging.Outbox;

namespace Platform.TestSupport.Plumbing;

/// <summary>The producing side of the plumbing tests: a unit register whose changes emit <c>OrganisationUnitRegistered</c>.</summary>
public sealed class ProducerDbContext(DbContextOptions<ProducerDbContext> options) : DbContext(options)
{
    public DbSet<RegisteredUnit> Units => Set<RegisteredUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredUnit>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Code);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class RegisteredUnit
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public int Revision { get; set; }
}

/// <summary>The consuming side: a unit directory and a log with one row per applied event, so a double effect is visible.</summary>
public sealed class ConsumerDbContext(DbContextOptions<ConsumerDbContext> options) : DbContext(options)
{
    public DbSet<DirectoryEntry> Directory => Set<DirectoryEntry>();
    public DbSet<AppliedEvent> Applied => Set<AppliedEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DirectoryEntry>(e =>
        {
            e.ToTable("unit_directory");
            e.HasKey(u => u.Code);
        });
        modelBuilder.Entity<AppliedEvent>(e =>
        {
            e.ToTable("applied_events");
            e.HasKey(a => a.Id);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class DirectoryEntry
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public int Revision { get; set; }
}

public sealed class AppliedEvent
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public required string UnitCode { get; init; }
}

/// <summary>Lets 'dotnet ef migrations add' build the test contexts without a running host.</summary>
public sealed class ProducerDesignTimeFactory : IDesignTimeDbContextFactory<ProducerDbContext>
{
    public ProducerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProducerDbContext>().UseNpgsql().Options);
}

public sealed class ConsumerDesignTimeFactory : IDesignTimeDbContextFactory<ConsumerDbContext>
{
    public ConsumerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsumerDbContext>().UseNpgsql().Options);
}
